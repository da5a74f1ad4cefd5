import { describe, expect, it, vi } from 'vitest';
import { type BatcherOptions, HttpError, createBatcher } from './index';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A model that doubles its inputs after `ms`, recording every batch it saw. */
function doubler(ms = 0) {
  const batches: number[][] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await sleep(ms);
    return items.map((x) => x * 2);
  };
  return { batches, run };
}

const defaults = { maxBatchSize: 8, maxDelayMs: 10, maxQueue: 100, timeoutMs: 5_000 } satisfies Partial<
  BatcherOptions<number, number>
>;

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('createBatcher', () => {
  it('groups concurrent submits into one model call', async () => {
    const model = doubler();
    const batcher = createBatcher({ ...defaults, run: model.run });
    const outputs = await Promise.all([1, 2, 3, 4, 5].map((x) => batcher.submit(x)));
    expect(outputs).toEqual([2, 4, 6, 8, 10]);
    expect(model.batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('flushes as soon as a batch is full, without waiting for the delay', async () => {
    const model = doubler();
    const batcher = createBatcher({ ...defaults, maxBatchSize: 3, maxDelayMs: 60_000, run: model.run });
    const started = performance.now();
    await Promise.all([1, 2, 3].map((x) => batcher.submit(x)));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(model.batches).toEqual([[1, 2, 3]]);
  });

  it('waits at most maxDelayMs for a batch to fill', async () => {
    const model = doubler();
    const batcher = createBatcher({ ...defaults, maxDelayMs: 30, run: model.run });
    const started = performance.now();
    expect(await batcher.submit(21)).toBe(42);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(25);
    expect(waited).toBeLessThan(5_000);
  });

  it('splits a large request across batches and keeps the order', async () => {
    const model = doubler();
    const batcher = createBatcher({ ...defaults, maxBatchSize: 4, run: model.run });
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(await batcher.submitMany(items)).toEqual(items.map((x) => x * 2));
    expect(model.batches.map((b) => b.length)).toEqual([4, 4, 2]);
  });

  it('runs one batch at a time and lets the queue build the next one meanwhile', async () => {
    const model = doubler(200);
    const batcher = createBatcher({ ...defaults, maxDelayMs: 0, run: model.run });
    const first = batcher.submit(1);
    await sleep(5);
    const rest = [2, 3, 4].map((x) => batcher.submit(x));
    await Promise.all([first, ...rest]);
    expect(model.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('runs batches in parallel up to the concurrency', async () => {
    let running = 0;
    let peak = 0;
    const batcher = createBatcher<number, number>({
      ...defaults,
      maxBatchSize: 1,
      maxDelayMs: 0,
      concurrency: 3,
      run: async (items) => {
        peak = Math.max(peak, ++running);
        await sleep(20);
        running--;
        return items;
      },
    });
    await batcher.submitMany([1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(3);
  });

  it('refuses work beyond maxQueue with 503 and Retry-After', async () => {
    const model = doubler(50);
    const batcher = createBatcher({ ...defaults, maxBatchSize: 2, maxDelayMs: 0, maxQueue: 3, retryAfterSeconds: 2, run: model.run });
    const accepted = [batcher.submitMany([1, 2]), batcher.submitMany([3, 4, 5])];
    const refused = await rejection(batcher.submit(6));
    expect(refused).toMatchObject({ status: 503, code: 'overloaded', headers: { 'Retry-After': '2' } });
    // A request that can never fit is the client's problem, not an overload.
    expect(await rejection(batcher.submitMany([1, 2, 3, 4]))).toMatchObject({ status: 413, code: 'too_many_items' });
    await Promise.all(accepted);
    expect(batcher.queueDepth).toBe(0);
    expect(await batcher.submit(6)).toBe(12);
  });

  it('fails an item with 504 after timeoutMs and never runs it if still queued', async () => {
    const model = doubler(100);
    const batcher = createBatcher({ ...defaults, maxBatchSize: 1, maxDelayMs: 0, timeoutMs: 30, run: model.run });
    const running = batcher.submit(1);
    const queued = batcher.submit(2);
    expect(await rejection(running)).toMatchObject({ status: 504, code: 'inference_timeout' });
    expect(await rejection(queued)).toMatchObject({ status: 504, code: 'inference_timeout' });
    await batcher.drain();
    expect(model.batches).toEqual([[1]]);
  });

  it('fails every item of a batch whose run fails', async () => {
    const batcher = createBatcher<number, number>({
      ...defaults,
      run: async () => {
        throw new Error('model exploded');
      },
    });
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([
      'model exploded',
      'model exploded',
    ]);
    await expect(
      createBatcher<number, number>({ ...defaults, run: async () => [1] }).submitMany([1, 2]),
    ).rejects.toThrow('Batch run returned 1 outputs for 2 inputs');
  });

  it('reports batch sizes, durations and queue depth', async () => {
    const observer = { observeBatch: vi.fn(), trackQueueDepth: vi.fn() };
    const batcher = createBatcher({ ...defaults, run: doubler(5).run });
    batcher.observe(observer);
    const readDepth = observer.trackQueueDepth.mock.calls[0]![0] as () => number;
    const pending = batcher.submitMany([1, 2, 3]);
    expect(readDepth()).toBe(3);
    await pending;
    expect(readDepth()).toBe(0);
    expect(observer.observeBatch).toHaveBeenCalledWith(3, expect.any(Number));
  });

  it('drain() resolves once queued and running work is done', async () => {
    const model = doubler(20);
    const batcher = createBatcher({ ...defaults, maxBatchSize: 2, run: model.run });
    const work = batcher.submitMany([1, 2, 3, 4, 5]);
    await batcher.drain();
    expect(model.batches.flat()).toEqual([1, 2, 3, 4, 5]);
    await work;
    await batcher.drain();
  });

  it('rejects nonsensical options', () => {
    expect(() => createBatcher({ ...defaults, maxBatchSize: 0, run: doubler().run })).toThrow(
      'maxBatchSize must be an integer >= 1 (got 0)',
    );
  });
});
