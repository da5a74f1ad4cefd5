import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

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

interface WorkerResult {
  latencies: Float64Array;
  non2xx: number;
  errors: number;
  elapsedSeconds: number;
}

/**
 * Open-loop load: request i leaves at start + i / rate, independent of earlier answers, which is
 * what "p99 at 200 requests/s" means. autocannon's `overallRate` is not that: each connection
 * sends back to back until its per-second quota is used, then idles, so a 200/s run is a burst
 * at full speed every second and measures queueing behind the burst.
 *
 * The bodies are made first and the clock runs in a worker thread: a benchmark's own heap (a
 * month of simulated transactions) paused this loop for up to 28 ms per GC, which showed up
 * as service latency (libs/fraud/EXPERIMENTS.md, "Latency").
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const bodies = Array.from({ length: Math.round(options.rate * options.seconds) }, () => options.body());
  const worker = new Worker(new URL('./paced-load.worker.mjs', import.meta.url), {
    workerData: {
      url: new URL(options.path, options.url).href,
      contentType: options.contentType,
      bodies,
      rate: options.rate,
      connections: options.connections ?? 32,
    },
  });
  const [result] = (await once(worker, 'message')) as [WorkerResult];
  await worker.terminate();

  // A typed array sorts numerically, in place.
  const latencies = result.latencies.sort();
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    sent: bodies.length,
    perSecond: latencies.length / result.elapsedSeconds,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies.at(-1) ?? Number.NaN },
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
