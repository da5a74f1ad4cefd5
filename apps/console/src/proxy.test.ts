import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reply, route } from '@dl-suite/service-kit';
import { startTestService } from '@dl-suite/service-kit/testing';
import { PROXY_TIMEOUT_MS, closedUrl, startTestConsole } from './test-support';

type Running = Awaited<ReturnType<typeof startTestService>>;
let backend: Running;
let consoleApp: Awaited<ReturnType<typeof startTestConsole>>;
let downUrl: string;

beforeAll(async () => {
  backend = await startTestService({
    name: 'medical-imaging',
    version: '1.0.0',
    routes: [
      route({
        method: 'GET',
        path: '/v1/slow',
        summary: 'answers after the proxy gave up',
        response: z.object({ late: z.boolean() }),
        handler: async () => {
          await new Promise((resolve) => setTimeout(resolve, PROXY_TIMEOUT_MS + 300));
          return { late: true };
        },
      }),
      route({
        method: 'POST',
        path: '/v1/predict',
        summary: 'echo',
        accepts: ['image/png'],
        limitBytes: 1024,
        query: z.object({ explain: z.stringbool().default(false) }),
        response: z.object({ bytes: z.number(), explain: z.boolean(), sum: z.number() }),
        handler: ({ raw, query }) =>
          reply({ bytes: raw.length, explain: query.explain, sum: raw.reduce((a, b) => a + b, 0) }, { status: 201, headers: { 'x-model': 'echo@1' } }),
      }),
    ],
  });
  downUrl = await closedUrl();
  consoleApp = await startTestConsole([
    { id: 'medical-imaging', url: backend.url },
    { id: 'sentiment', url: downUrl },
  ]);
});

afterAll(async () => {
  await consoleApp.running.close();
  await backend.close();
});

describe('proxy /api/<service>/…', () => {
  it('forwards method, path, query, body and content type, and returns status, headers and body', async () => {
    const body = new Uint8Array([1, 2, 3, 250]);
    const res = await fetch(`${consoleApp.running.url}/api/medical-imaging/v1/predict?explain=true`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-model')).toBe('echo@1');
    expect(await res.json()).toEqual({ bytes: 4, explain: true, sum: 256 });
  });

  it("passes the service's own errors through unchanged", async () => {
    const tooLarge = await fetch(`${consoleApp.running.url}/api/medical-imaging/v1/predict`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(4096),
    });
    expect(tooLarge.status).toBe(413);
    const wrongType = await fetch(`${consoleApp.running.url}/api/medical-imaging/v1/predict`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as any).error.code).toBe('unsupported_media_type');
  });

  it('answers 503 naming a service that is not running', async () => {
    const res = await fetch(`${consoleApp.running.url}/api/sentiment/v1/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'fine' }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: 'service_unavailable', message: `The sentiment service is not running (nothing answers at ${downUrl})` },
    });
  });

  it('answers 504 when the service does not answer in time', async () => {
    const res = await fetch(`${consoleApp.running.url}/api/medical-imaging/v1/slow`);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ error: { code: 'gateway_timeout', message: 'The medical-imaging service did not answer within 0.5 s' } });
  });

  it('leaves unknown services and the console API to the console', async () => {
    const unknown = await fetch(`${consoleApp.running.url}/api/weather/v1/predict`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.code).toBe('not_found');
    expect((await fetch(`${consoleApp.running.url}/api/status`)).status).toBe(200);
  });
});

describe('static UI', () => {
  it('serves index.html uncached with a content security policy, and hashed assets as immutable', async () => {
    const index = await fetch(`${consoleApp.running.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('/assets/app-1234.js');

    const asset = await fetch(`${consoleApp.running.url}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await asset.text()).toBe('console.log("ui")');
  });
});
