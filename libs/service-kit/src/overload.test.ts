import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Batcher, type RunningService, createBatcher, route } from './index';
import { startTestService } from './testing';

// A sentiment-like service: every text goes through one batcher whose "model" takes `modelMs` per batch.
let modelMs = 50;
let batcher: Batcher<string, number>;
let svc: RunningService;

beforeAll(async () => {
  batcher = createBatcher({
    maxBatchSize: 4,
    maxDelayMs: 5,
    maxQueue: 8,
    timeoutMs: 1_000,
    retryAfterSeconds: 3,
    run: async (texts) => {
      await new Promise((resolve) => setTimeout(resolve, modelMs));
      return texts.map((t) => t.length);
    },
  });
  svc = await startTestService({
    name: 'overload',
    version: '1',
    batchers: [batcher],
    routes: [
      route({
        method: 'POST',
        path: '/v1/predict',
        summary: 'Score texts',
        body: z.object({ texts: z.array(z.string()).min(1).max(50) }),
        response: z.object({ scores: z.array(z.number()) }),
        handler: async ({ body }) => ({ scores: await batcher.submitMany(body.texts) }),
      }),
    ],
  });
});
afterAll(() => svc.close());

const predict = (texts: string[]) =>
  fetch(`${svc.url}/v1/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ texts }),
  });

describe('batching behind HTTP', () => {
  it('serves batched requests and records batch sizes', async () => {
    modelMs = 20;
    const responses = await Promise.all(['a', 'bb', 'ccc'].map((t) => predict([t])));
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual([{ scores: [1] }, { scores: [2] }, { scores: [3] }]);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toContain('inference_batch_size_sum{service="overload"} 3\n');
    expect(metrics).toMatch(/inference_queue_depth\{service="overload"\} 0/);
  });

  it('answers 503 with Retry-After when the queue is full', async () => {
    modelMs = 200;
    const responses = await Promise.all(Array.from({ length: 6 }, () => predict(['x', 'y', 'z'])));
    const statuses = responses.map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const refused = responses.find((r) => r.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toMatchObject({ error: { code: 'overloaded' } });
    await batcher.drain();
  });

  it('answers 504 when inference outlives the timeout', async () => {
    modelMs = 1_500;
    const res = await predict(['slow']);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({
      error: { code: 'inference_timeout', message: 'Inference did not finish within 1000 ms' },
    });
    await batcher.drain();
  });
});
