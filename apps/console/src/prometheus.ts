/** One sample of the Prometheus text format: `name{label="value",…} 12.5`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE_LINE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(LABEL)) labels[name!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** What the status page shows per service: traffic, failures and latency of real requests. */
export interface KeyMetrics {
  requests: number;
  clientErrors: number;
  serverErrors: number;
  /** Over every request since the service started; undefined before the first one. */
  latencyP50Ms?: number;
  latencyP95Ms?: number;
  inferenceCount: number;
  inferenceMeanMs?: number;
}

// Probes (ours included) would otherwise dominate the counts.
const PROBE_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/v1/model', '/openapi.json']);

export function keyMetrics(samples: readonly Sample[]): KeyMetrics {
  const traffic = (s: Sample) => !PROBE_ROUTES.has(s.labels['route'] ?? '');
  const sum = (name: string, keep: (s: Sample) => boolean = () => true) =>
    samples.filter((s) => s.name === name && keep(s)).reduce((total, s) => total + s.value, 0);
  const requests = samples.filter((s) => s.name === 'http_requests_total' && traffic(s));
  const statusFrom = (s: Sample) => Number(s.labels['status'] ?? 0);

  const buckets = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== 'http_request_duration_seconds_bucket' || !traffic(s)) continue;
    const le = s.labels['le'] === '+Inf' ? Infinity : Number(s.labels['le']);
    buckets.set(le, (buckets.get(le) ?? 0) + s.value);
  }
  const cumulative = [...buckets].sort(([a], [b]) => a - b);
  const inferenceCount = sum('inference_duration_seconds_count');
  const p50 = quantile(cumulative, 0.5);
  const p95 = quantile(cumulative, 0.95);
  return {
    requests: requests.reduce((total, s) => total + s.value, 0),
    clientErrors: requests.filter((s) => statusFrom(s) >= 400 && statusFrom(s) < 500).reduce((t, s) => t + s.value, 0),
    serverErrors: requests.filter((s) => statusFrom(s) >= 500).reduce((t, s) => t + s.value, 0),
    ...(p50 !== undefined && { latencyP50Ms: p50 * 1000 }),
    ...(p95 !== undefined && { latencyP95Ms: p95 * 1000 }),
    inferenceCount,
    ...(inferenceCount > 0 && { inferenceMeanMs: (sum('inference_duration_seconds_sum') / inferenceCount) * 1000 }),
  };
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside its bucket as
 * Prometheus' histogram_quantile does; the +Inf bucket answers with the largest finite bound.
 */
export function quantile(cumulative: ReadonlyArray<readonly [number, number]>, q: number): number | undefined {
  const total = cumulative.at(-1)?.[1] ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [bound, count] of cumulative) {
    if (count >= rank) {
      if (bound === Infinity) return lower;
      return count === below ? bound : lower + ((bound - lower) * (rank - below)) / (count - below);
    }
    lower = bound;
    below = count;
  }
  return lower;
}
