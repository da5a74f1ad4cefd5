import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ModelInfo {
  name: string;
  version: string;
  [key: string]: unknown;
}

/** What a batcher reports; a service observes the batchers it is given. */
export interface BatchObserver {
  observeBatch(size: number, durationMs: number): void;
  trackQueueDepth(read: () => number): void;
}

export interface ServiceMetrics extends BatchObserver {
  readonly registry: Registry;
  /** Records one inference call made outside a batcher. */
  observeInference(durationMs: number): void;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface HttpMetrics extends ServiceMetrics {
  /** Counts and times every response, labelled by the route template `res.locals.route` (never the raw URL). */
  middleware: RequestHandler;
}

/** One registry per service, so several services (or tests) can live in one process. */
export function createMetrics(service: string, modelInfo: () => ModelInfo | undefined): HttpMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });

  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames,
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const inferenceSeconds = new Histogram({
    name: 'inference_duration_seconds',
    help: 'Time spent in one model call (one batch)',
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'inference_batch_size',
    help: 'Items per model call',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [registry],
  });
  const queueReaders: Array<() => number> = [];
  new Gauge({
    name: 'inference_queue_depth',
    help: 'Items waiting for a model call',
    registers: [registry],
    collect() {
      this.set(queueReaders.reduce((sum, read) => sum + read(), 0));
    },
  });
  new Gauge({
    name: 'model_info',
    help: 'The loaded model; the value is always 1',
    labelNames: ['model', 'version'],
    registers: [registry],
    collect() {
      this.reset();
      const info = modelInfo();
      if (info) this.set({ model: info.name, version: info.version }, 1);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    // 'close' fires for completed and aborted responses alike.
    res.once('close', () => {
      const labels = {
        method: req.method,
        route: typeof res.locals['route'] === 'string' ? res.locals['route'] : 'unmatched',
        status: res.writableFinished ? String(res.statusCode) : 'aborted',
      };
      requests.inc(labels);
      requestSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  return {
    registry,
    middleware,
    observeInference: (durationMs) => inferenceSeconds.observe(durationMs / 1000),
    observeBatch(size, durationMs) {
      batchSize.observe(size);
      inferenceSeconds.observe(durationMs / 1000);
    },
    trackQueueDepth(read) {
      queueReaders.push(read);
    },
  };
}
