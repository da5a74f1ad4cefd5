import type { Backend } from './backends';
import { keyMetrics, parsePrometheus } from './prometheus';
import type { BackendStatus } from './schemas';

const PROBE_TIMEOUT_MS = 2000;

async function fetchWithTimeout(url: string): Promise<globalThis.Response> {
  return fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
}

/**
 * One look at a service: readiness, then (when up) its key metrics, and its model unless `knownModel`
 * is given — the model only changes with a restart, and services log every /v1/model request.
 */
export async function probe(backend: Backend, knownModel?: Record<string, unknown>, now = new Date()): Promise<BackendStatus> {
  const base = { id: backend.id, url: backend.url, checkedAt: now.toISOString() };
  let ready: globalThis.Response;
  try {
    ready = await fetchWithTimeout(`${backend.url}/readyz`);
  } catch {
    return { ...base, state: 'down', reason: `nothing answers at ${backend.url}` };
  }
  const readyBody = (await ready.json().catch(() => ({}))) as { reason?: string };
  if (!ready.ok) return { ...base, state: 'starting', reason: readyBody.reason ?? `readyz answered ${ready.status}` };

  const [model, metrics] = await Promise.all([
    knownModel ??
      fetchWithTimeout(`${backend.url}/v1/model`).then((r) => (r.ok ? (r.json() as Promise<Record<string, unknown>>) : undefined)),
    fetchWithTimeout(`${backend.url}/metrics`).then((r) => (r.ok ? r.text() : undefined)),
  ]).catch(() => [undefined, undefined] as const);
  return {
    ...base,
    state: 'ready',
    ...(model && { model }),
    ...(metrics !== undefined && { metrics: keyMetrics(parsePrometheus(metrics)) }),
  };
}

/**
 * Keeps a fresh status of every service, polled in the background: readiness checks must answer
 * synchronously, and the status page should not wait for four services per request.
 */
export class ServiceMonitor {
  private statuses: BackendStatus[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly backends: readonly Backend[],
    private readonly intervalMs: number,
  ) {}

  /** Undefined until the first round of probes finished. */
  get snapshot(): readonly BackendStatus[] | undefined {
    return this.statuses;
  }

  /** Probes now and then every interval; resolves after the first round. */
  start(): Promise<void> {
    const first = this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
    return first;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One round of probes; a round still running is joined rather than doubled. */
  refresh(): Promise<void> {
    const previous = new Map(this.statuses?.map((s) => [s.id, s]));
    // A service seen ready last time kept its model unless it restarted, which a probe in between would have seen.
    const knownModel = (backend: Backend) => (previous.get(backend.id)?.state === 'ready' ? previous.get(backend.id)?.model : undefined);
    this.running ??= Promise.all(this.backends.map((backend) => probe(backend, knownModel(backend)))).then((statuses) => {
      this.statuses = statuses;
      this.running = undefined;
    });
    return this.running;
  }
}
