import { Agent, request } from 'node:http';

export interface PacedLoadOptions {
  /** Service base URL (http only: the services never terminate TLS themselves). */
  url: string;
  /** Request path, e.g. /v1/score. */
  path: string;
  contentType: string;
  body: () => string | Buffer;
  /** Requests per second, sent on a fixed schedule whatever the answers do. */
  rate: number;
  seconds: number;
  /** Keep-alive sockets available; a request waits for a free one, and that wait counts as latency. Default 32. */
  connections?: number;
}

export interface PacedLoadResult {
  sent: number;
  /** Answered requests per second over the run. */
  perSecond: number;
  /** Milliseconds from sending a request to the end of its response. */
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

/**
 * Open-loop load: request i leaves at start + i / rate, independent of earlier answers, which is
 * what "p99 at 200 requests/s" means. autocannon's `overallRate` is not that: each connection
 * sends back to back until its per-second quota is used, then idles, so a 200/s run is a burst
 * at full speed every second and measures queueing behind the burst.
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const target = new URL(options.path, options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 32 });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;

  const send = (): Promise<void> =>
    new Promise((resolve) => {
      const body = options.body();
      const started = performance.now();
      const req = request(target, {
        method: 'POST',
        agent,
        headers: { 'content-type': options.contentType, 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });

  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send());
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    sent: total,
    perSecond: latencies.length / elapsedSeconds,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies.at(-1) ?? Number.NaN },
    non2xx,
    errors,
  };
}
