import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError, type RunningService, createService, reply, route } from './index';
import { startTestService } from './testing';

const Transaction = z.object({ id: z.string(), amount: z.number().positive() });
let ready = false;

const routes = [
  route({
    method: 'POST',
    path: '/v1/score',
    summary: 'Score transactions',
    body: z.object({ transactions: z.array(Transaction).min(1) }),
    query: z.object({ explain: z.stringbool().default(false) }),
    response: z.object({ scores: z.array(z.number()), explain: z.boolean(), requestId: z.string() }),
    handler: ({ body, query, requestId }) => ({
      scores: body.transactions.map((t) => t.amount / 100),
      explain: query.explain,
      requestId,
    }),
  }),
  route({
    method: 'GET',
    path: '/v1/items/:id',
    summary: 'Fetch an item',
    response: z.object({ id: z.string() }),
    handler: ({ req }) => reply({ id: String(req.params['id']) }, { status: 201, headers: { 'x-extra': 'yes' } }),
  }),
  route({
    method: 'POST',
    path: '/v1/crash',
    summary: 'Always fails',
    response: z.object({}),
    handler: () => {
      throw new Error('secret database password leaked in stack');
    },
  }),
  route({
    method: 'POST',
    path: '/v1/unusable',
    summary: 'Fails with a domain error',
    response: z.object({}),
    handler: () => {
      throw new HttpError(422, 'no_pixels', 'The image has no pixels');
    },
  }),
];

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService({
    name: 'test-svc',
    version: '1.2.3',
    readiness: () => (ready ? true : { ready: false, reason: 'loading model' }),
    modelInfo: () => (ready ? { name: 'tiny', version: '0.0.7', labels: ['a', 'b'] } : undefined),
    routes,
    openapi: { title: 'Test service', description: 'For tests' },
  });
});
afterAll(() => svc.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(svc.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('built-in endpoints', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${svc.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('flips /readyz and /v1/model when the model loads', async () => {
    const before = await fetch(`${svc.url}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'not_ready', reason: 'loading model' });
    await expectError(await fetch(`${svc.url}/v1/model`), 503, 'model_not_loaded');

    ready = true;
    const after = await fetch(`${svc.url}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready' });
    expect(await (await fetch(`${svc.url}/v1/model`)).json()).toEqual({ name: 'tiny', version: '0.0.7', labels: ['a', 'b'] });
  });

  it('exports Prometheus metrics labelled by route template', async () => {
    ready = true;
    await fetch(`${svc.url}/v1/items/42`);
    await fetch(`${svc.url}/v1/items/43`);
    await fetch(`${svc.url}/nowhere/${Math.random()}`);
    const res = await fetch(`${svc.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/v1\/items\/:id",status="201",service="test-svc"\} 2/);
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('/v1/items/42');
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('inference_duration_seconds');
    expect(text).toContain('inference_batch_size');
    expect(text).toContain('model_info{model="tiny",version="0.0.7",service="test-svc"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves an OpenAPI 3.1 document built from the routes', async () => {
    const doc = (await (await fetch(`${svc.url}/openapi.json`)).json()) as {
      openapi: string;
      info: Record<string, string>;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'Test service', version: '1.2.3', description: 'For tests' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/metrics', '/openapi.json', '/v1/model', '/v1/score', '/v1/items/{id}']),
    );
    const score = doc.paths['/v1/score']!['post']!;
    expect(score).toMatchObject({
      operationId: 'postV1Score',
      summary: 'Score transactions',
      parameters: [{ name: 'explain', in: 'query', required: false }],
      requestBody: { content: { 'application/json': { schema: { required: ['transactions'] } } } },
      responses: { default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    });
    const bodySchema = JSON.stringify(score['requestBody']);
    expect(bodySchema).toContain('"exclusiveMinimum":0');
  });
});

describe('JSON errors', () => {
  it('scores a valid request and honours the query', async () => {
    const res = await post('/v1/score?explain=true', { transactions: [{ id: 'a', amount: 50 }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ scores: [0.5], explain: true });
  });

  it('400 names the offending field', async () => {
    const transactions = [1, 2, 3].map((i) => ({ id: String(i), amount: 1 }));
    const message = await expectError(
      await post('/v1/score', { transactions: [...transactions, { id: 'x', amount: 'lots' }] }),
      400,
      'invalid_request',
    );
    expect(message).toBe('transactions[3].amount: expected number, received string');
  });

  it('400 names a bad query parameter', async () => {
    const message = await expectError(await post('/v1/score?explain=perhaps', { transactions: [] }), 400, 'invalid_request');
    expect(message).toMatch(/^query\.explain: /);
  });

  it('400 for malformed JSON and for a missing body', async () => {
    const message = await expectError(await post('/v1/score', '{"transactions": [}'), 400, 'malformed_json');
    expect(message).toMatch(/^Malformed JSON body/);
    const empty = await fetch(`${svc.url}/v1/score`, { method: 'POST' });
    expect(await expectError(empty, 400, 'invalid_request')).toBe('body: expected object, received undefined');
  });

  it('400 for a body that is not valid UTF-8, which would otherwise reach the model as U+FFFD', async () => {
    const invalid = Buffer.concat([Buffer.from('{"transactions": [{"id": "'), Buffer.from([0xc3, 0x28]), Buffer.from('", "amount": 1}]}')]);
    const res = await post('/v1/score', invalid);
    expect(await expectError(res, 400, 'invalid_utf8')).toBe('Request body is not valid UTF-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('415 when the body is not JSON', async () => {
    const res = await post('/v1/score', 'transactions=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(await expectError(res, 415, 'unsupported_media_type')).toBe(
      'Content-Type must be application/json (got application/x-www-form-urlencoded)',
    );
  });

  it('404 for an unknown path, 405 with Allow for a known path', async () => {
    expect(await expectError(await fetch(`${svc.url}/v2/nothing`), 404, 'not_found')).toBe('No route for GET /v2/nothing');
    const res = await fetch(`${svc.url}/v1/score`);
    await expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('POST');
    const del = await fetch(`${svc.url}/healthz`, { method: 'DELETE' });
    await expectError(del, 405, 'method_not_allowed');
    expect(del.headers.get('allow')).toBe('GET, HEAD');
  });

  it('500 hides the error and its stack', async () => {
    const res = await post('/v1/crash', {});
    const text = await res.clone().text();
    expect(await expectError(res, 500, 'internal_error')).toBe('Internal server error');
    expect(text).not.toMatch(/secret|at .*\.ts/);
  });

  it('passes a domain HttpError through', async () => {
    expect(await expectError(await post('/v1/unusable', {}), 422, 'no_pixels')).toBe('The image has no pixels');
  });

  it('lets a handler set status and headers', async () => {
    const res = await fetch(`${svc.url}/v1/items/7`);
    expect(res.status).toBe(201);
    expect(res.headers.get('x-extra')).toBe('yes');
    expect(await res.json()).toEqual({ id: '7' });
  });
});

describe('request ids', () => {
  it('echoes a safe incoming id and hands it to the handler', async () => {
    const res = await post('/v1/score', { transactions: [{ id: 'a', amount: 1 }] }, { 'x-request-id': 'abc-123.x' });
    expect(res.headers.get('x-request-id')).toBe('abc-123.x');
    expect(await res.json()).toMatchObject({ requestId: 'abc-123.x' });
  });

  it('replaces a missing or unsafe id with a uuid', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect((await fetch(`${svc.url}/healthz`)).headers.get('x-request-id')).toMatch(uuid);
    const unsafe = await fetch(`${svc.url}/healthz`, { headers: { 'x-request-id': '<script>' + 'x'.repeat(200) } });
    expect(unsafe.headers.get('x-request-id')).toMatch(uuid);
  });
});

describe('route declarations', () => {
  it('refuses a route with both a JSON body and binary media types', () => {
    const both = route({
      method: 'POST',
      path: '/v1/both',
      summary: 'Confused',
      body: z.object({}),
      accepts: ['image/png'],
      response: z.object({}),
      handler: () => ({}),
    });
    expect(() => createService({ name: 'x', version: '1', routes: [both] })).toThrow(
      'Route POST /v1/both declares both a JSON body and binary media types',
    );
  });
});
