import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route } from '@dl-suite/service-kit';
import { startTestService } from '@dl-suite/service-kit/testing';
import { closedUrl, startTestConsole } from './test-support';

type Running = Awaited<ReturnType<typeof startTestService>>;
let fraud: Running;
let consoleApp: Awaited<ReturnType<typeof startTestConsole>>;
let fraudReady = false;

const manifest = { name: 'fraud-mlp', version: '1.2.0', labels: ['legitimate', 'fraud'], metrics: { validation: { roc_auc: 0.9 } } };

beforeAll(async () => {
  fraud = await startTestService({
    name: 'fraud',
    version: '1.0.0',
    readiness: () => fraudReady,
    modelInfo: () => manifest,
    routes: [
      route({ method: 'POST', path: '/v1/score', summary: 'score', body: z.object({ amount: z.number() }), response: z.object({ score: z.number() }), handler: ({ body }) => ({ score: body.amount / 100 }) }),
    ],
  });
  consoleApp = await startTestConsole([
    { id: 'fraud', url: fraud.url },
    { id: 'speech', url: await closedUrl() },
  ]);
});

afterAll(async () => {
  await consoleApp.running.close();
  await fraud.close();
});

const get = async (path: string) => {
  const res = await fetch(`${consoleApp.running.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('readiness and status reflect the services behind the console', () => {
  it('is not ready while no service is ready, and says which are where', async () => {
    await consoleApp.monitor.refresh();
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: { status: 'not_ready', reason: 'no service is ready (fraud: starting, speech: down)' },
    });
    const { body } = await get('/api/status');
    expect(body.services.map((s: any) => [s.id, s.state, s.reason])).toEqual([
      ['fraud', 'starting', 'starting'],
      ['speech', 'down', expect.stringMatching(/^nothing answers at http:\/\/127\.0\.0\.1:\d+$/)],
    ]);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('is ready once one service is, with its model card and request metrics on the status', async () => {
    fraudReady = true;
    for (const amount of [10, 20, 30]) {
      await fetch(`${consoleApp.running.url}/api/fraud/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount }) });
    }
    await fetch(`${consoleApp.running.url}/api/fraud/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":"x"}' });
    await consoleApp.monitor.refresh();

    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    const fraudStatus = (await get('/api/status')).body.services[0];
    expect(fraudStatus).toMatchObject({ id: 'fraud', state: 'ready', url: fraud.url, model: manifest });
    expect(fraudStatus.metrics).toMatchObject({ requests: 4, clientErrors: 1, serverErrors: 0, inferenceCount: 0 });
    expect(fraudStatus.metrics.latencyP50Ms).toBeGreaterThan(0);
    expect(fraudStatus.metrics.latencyP95Ms).toBeGreaterThanOrEqual(fraudStatus.metrics.latencyP50Ms);
  });
});
