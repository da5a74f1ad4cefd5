import { HttpError, inferenceTimeout, overloaded } from './errors';
import type { BatchObserver } from './metrics';

export interface BatcherOptions<I, O> {
  /** A batch is run as soon as this many items wait… */
  maxBatchSize: number;
  /** …or when the oldest waiting item has waited this long. */
  maxDelayMs: number;
  /** Waiting items beyond which a submit is refused with 503 overloaded. */
  maxQueue: number;
  /** An item not answered within this time (queue wait included) fails with 504. */
  timeoutMs: number;
  /** Batches run at once. Default 1: inference is CPU-bound, and parallel batches only compete for cores. */
  concurrency?: number;
  /** Seconds a refused client is told to wait (Retry-After). Default 1. */
  retryAfterSeconds?: number;
  /** Runs the model on a batch; must return one output per input, in order. */
  run(items: I[]): Promise<O[]>;
}

/** What a service needs of a batcher: to report on it and to wait for it at shutdown. */
export interface BatchQueue {
  observe(observer: BatchObserver): void;
  /** Resolves once nothing is queued or running. */
  drain(): Promise<void>;
}

export interface Batcher<I, O> extends BatchQueue {
  submit(item: I): Promise<O>;
  /** Queues a request's items together (all or none) and answers when all are done. */
  submitMany(items: readonly I[]): Promise<O[]>;
  /** Items waiting for a batch. */
  readonly queueDepth: number;
}

interface Pending<I, O> {
  item: I;
  queuedAt: number;
  settled: boolean;
  timer?: NodeJS.Timeout;
  resolve(output: O): void;
  reject(error: unknown): void;
}

/** Dynamic batching: concurrent requests share model calls, bounded by size, delay, queue length and time. */
export function createBatcher<I, O>(options: BatcherOptions<I, O>): Batcher<I, O> {
  const { maxBatchSize, maxDelayMs, maxQueue, timeoutMs, concurrency = 1, retryAfterSeconds = 1 } = options;
  for (const [name, value, min] of [
    ['maxBatchSize', maxBatchSize, 1],
    ['maxDelayMs', maxDelayMs, 0],
    ['maxQueue', maxQueue, 1],
    ['timeoutMs', timeoutMs, 1],
    ['concurrency', concurrency, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min} (got ${value})`);
  }

  const queue: Pending<I, O>[] = [];
  let running = 0;
  let flushTimer: NodeJS.Timeout | undefined;
  let idleWaiters: Array<() => void> = [];
  const observers: BatchObserver[] = [];

  function enqueue(items: readonly I[]): Promise<O>[] {
    if (items.length > maxQueue) {
      throw new HttpError(413, 'too_many_items', `A request may hold at most ${maxQueue} items (got ${items.length})`);
    }
    if (queue.length + items.length > maxQueue) {
      throw overloaded(`The inference queue is full (${queue.length} of ${maxQueue} waiting); retry later`, retryAfterSeconds);
    }
    const queuedAt = performance.now();
    const promises = items.map(
      (item) =>
        new Promise<O>((resolve, reject) => {
          const entry: Pending<I, O> = { item, queuedAt, settled: false, resolve, reject };
          entry.timer = setTimeout(() => expire(entry), timeoutMs);
          queue.push(entry);
        }),
    );
    pump();
    return promises;
  }

  function settle(entry: Pending<I, O>, outcome: () => void): void {
    if (entry.settled) return;
    entry.settled = true;
    clearTimeout(entry.timer);
    outcome();
  }

  function expire(entry: Pending<I, O>): void {
    // A queued item is dropped so it costs no compute; a running one just has its result ignored.
    const index = queue.indexOf(entry);
    if (index >= 0) queue.splice(index, 1);
    settle(entry, () => entry.reject(inferenceTimeout(timeoutMs)));
    notifyIfIdle();
  }

  function pump(): void {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    while (running < concurrency && queue.length > 0) {
      const waited = performance.now() - queue[0]!.queuedAt;
      if (queue.length < maxBatchSize && waited < maxDelayMs) {
        flushTimer = setTimeout(pump, maxDelayMs - waited);
        return;
      }
      void runBatch(queue.splice(0, maxBatchSize));
    }
  }

  async function runBatch(batch: Pending<I, O>[]): Promise<void> {
    running++;
    const started = performance.now();
    try {
      const outputs = await options.run(batch.map((entry) => entry.item));
      if (outputs.length !== batch.length) {
        throw new Error(`Batch run returned ${outputs.length} outputs for ${batch.length} inputs`);
      }
      batch.forEach((entry, i) => settle(entry, () => entry.resolve(outputs[i]!)));
    } catch (error) {
      for (const entry of batch) settle(entry, () => entry.reject(error));
    } finally {
      for (const observer of observers) observer.observeBatch(batch.length, performance.now() - started);
      running--;
      pump();
      notifyIfIdle();
    }
  }

  function notifyIfIdle(): void {
    if (queue.length > 0 || running > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  return {
    async submit(item) {
      return enqueue([item])[0]!;
    },
    async submitMany(items) {
      return Promise.all(enqueue(items));
    },
    get queueDepth() {
      return queue.length;
    },
    observe(observer) {
      observer.trackQueueDepth(() => queue.length);
      observers.push(observer);
    },
    drain() {
      if (queue.length === 0 && running === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
