import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startService, type RunningService } from '@dl-suite/service-kit';
import { FraudScorer } from '../scoring/fraud-scorer';
import { trainTinyModel, type TinyModel } from '../testing/tiny-model';
import { createFraudService, type FraudService } from './fraud-service';

let tiny: TinyModel;
let fraud: FraudService;
let running: RunningService;

const tx = (id: string, overrides: Record<string, unknown> = {}) => ({
  transactionId: id,
  timestamp: '2024-02-14T12:00:00Z',
  cardId: 'card-1',
  merchantId: 'm-1',
  amount: 42.5,
  ...overrides,
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  tiny = await trainTinyModel();
  const scorer = await FraudScorer.load(tiny.dir, { threads: 1 });
  fraud = createFraudService({
    scorer,
    logger: createLogger({ name: 'fraud', level: 'silent' }),
    maxTransactionsPerRequest: 50,
    bodyLimitBytes: 256 * 1024,
    batching: { maxBatchSize: 64, maxDelayMs: 2, maxQueue: 1000, timeoutMs: 5000, concurrency: 1, resultCacheSize: 1000 },
  });
  running = await startService(fraud.service, { port: 0, handleSignals: false, onShutdown: () => scorer.dispose() });
}, 120_000);

afterAll(async () => {
  await running?.close();
  if (tiny) await rm(tiny.dir, { recursive: true, force: true });
});

describe('POST /v1/score', () => {
  it('scores one transaction with a decision and reasons', async () => {
    const { status, json } = await post('/v1/score', tx('single-1'));
    expect(status).toBe(200);
    const [result] = json.results;
    expect(result.transactionId).toBe('single-1');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(['approve', 'review', 'decline']).toContain(result.decision);
    expect(Array.isArray(result.reasons)).toBe(true);
    expect(result.duplicate).toBe(false);
  });

  it('scores a batch, and a card that suddenly spends 50x its usual amount scores higher', async () => {
    const history = Array.from({ length: 20 }, (_, i) =>
      tx(`hist-${i}`, { cardId: 'steady', merchantId: `shop-${i % 3}`, amount: 20 + (i % 5), timestamp: `2024-02-${String(1 + i).padStart(2, '0')}T12:00:00Z` }),
    );
    const normal = await post('/v1/score', { transactions: history });
    expect(normal.status).toBe(200);
    expect(normal.json.results).toHaveLength(20);
    const ordinary = await post('/v1/score', tx('ordinary', { cardId: 'steady', merchantId: 'shop-1', amount: 22, timestamp: '2024-02-21T12:00:00Z' }));
    const outlier = await post('/v1/score', tx('outlier', { cardId: 'steady', merchantId: 'shop-9', amount: 1100, timestamp: '2024-02-21T13:00:00Z' }));
    expect(outlier.json.results[0].score).toBeGreaterThan(ordinary.json.results[0].score);
    const reasons = outlier.json.results[0].reasons.map((r: { feature: string }) => r.feature);
    expect(reasons.some((f: string) => f.startsWith('amount'))).toBe(true);
  });

  it('is idempotent by transactionId: a retry returns the stored result and leaves the state alone', async () => {
    const first = await post('/v1/score', tx('idem-1', { cardId: 'idem-card' }));
    const before = fraud.scoring.state.size();
    const again = await post('/v1/score', tx('idem-1', { cardId: 'idem-card', amount: 9999 }));
    expect(again.status).toBe(200);
    expect(again.json.results[0]).toEqual({ ...first.json.results[0], duplicate: true });
    expect(fraud.scoring.state.size()).toEqual(before);
  });
});

describe('bad input gets a clear 4xx and leaves the state unchanged', () => {
  const cases: [string, unknown, number, string | RegExp][] = [
    ['malformed JSON', '{"transactionId": ', 400, 'malformed_json'],
    ['a missing field', { transactionId: 'x1', timestamp: '2024-02-14T12:00:00Z', cardId: 'c', amount: 1 }, 400, /merchantId/],
    ['a mistyped field', tx('x2', { amount: '12' }), 400, /amount/],
    ['a negative amount', tx('x3', { amount: -5 }), 400, /amount/],
    ['an astronomical amount', tx('x4', { amount: 1e15 }), 400, /amount/],
    ['an unparseable timestamp', tx('x5', { timestamp: 'yesterday' }), 400, /timestamp/],
    ['an empty batch', { transactions: [] }, 400, /transactions/],
    ['duplicate ids in one batch', { transactions: [tx('dup'), tx('dup')] }, 400, 'duplicate_transaction_id'],
    ['a batch over the limit', { transactions: Array.from({ length: 51 }, (_, i) => tx(`big-${i}`)) }, 413, 'batch_too_large'],
  ];
  for (const [name, body, status, expected] of cases) {
    it(name, async () => {
      const before = fraud.scoring.state.size();
      const response = await post('/v1/score', body);
      expect(response.status).toBe(status);
      const { code, message } = response.json.error;
      if (typeof expected === 'string') expect(code).toBe(expected);
      else expect(message).toMatch(expected);
      expect(JSON.stringify(response.json)).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace
      expect(fraud.scoring.state.size()).toEqual(before);
    });
  }

  it('NaN cannot even be written in JSON, and Infinity-like numbers are rejected', async () => {
    const response = await post('/v1/score', '{"transactionId":"n","timestamp":"2024-02-14T12:00:00Z","cardId":"c","merchantId":"m","amount":NaN}');
    expect(response.status).toBe(400);
    const huge = await post('/v1/score', '{"transactionId":"n","timestamp":"2024-02-14T12:00:00Z","cardId":"c","merchantId":"m","amount":1e400}');
    expect(huge.status).toBe(400);
  });

  it('a 50 MB body is refused with 413 without being read, and the service stays healthy', async () => {
    const started = performance.now();
    const response = await fetch(`${running.url}/v1/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(50 * 2 ** 20, 0x20),
    }).catch((error: unknown) => error);
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    }
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('a wrong content type is 415', async () => {
    const response = await post('/v1/score', 'a,b,c', { 'content-type': 'text/csv' });
    expect(response.status).toBe(415);
  });
});

describe('POST /v1/feedback', () => {
  it('records labels for known transactions and lists unknown ones', async () => {
    await post('/v1/score', tx('fb-1', { cardId: 'fb-card' }));
    const { status, json } = await post('/v1/feedback', { labels: [{ transactionId: 'fb-1', isFraud: true }, { transactionId: 'never-seen', isFraud: false }] });
    expect(status).toBe(200);
    expect(json).toEqual({ recorded: 1, unknown: ['never-seen'] });
  });

  it('rejects a label that is not a boolean', async () => {
    const { status, json } = await post('/v1/feedback', { transactionId: 'fb-1', isFraud: 'yes' });
    expect(status).toBe(400);
    expect(json.error.message).toMatch(/isFraud/);
  });
});

describe('service endpoints', () => {
  it('serves the model manifest and card, readiness, metrics and OpenAPI', async () => {
    const model = (await (await fetch(`${running.url}/v1/model`)).json()) as Record<string, any>;
    expect(model.name).toBe('fraud-tiny');
    expect(model.decision.review).toBeLessThanOrEqual(model.decision.decline);
    expect(model.modelCard).toMatch(/Model card/);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/route="\/v1\/score"/);
    const openapi = (await (await fetch(`${running.url}/openapi.json`)).json()) as Record<string, any>;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/score', '/v1/feedback']));
  });
});
