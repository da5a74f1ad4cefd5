import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, createService, route, startService } from './index';
import { startTestService } from './testing';

/** A route whose requests finish only when the test says so. */
function gatedRoute() {
  const started: Array<() => void> = [];
  const gate = { release: () => {}, entered: new Promise<void>((resolve) => started.push(resolve)) };
  const released = new Promise<void>((resolve) => (gate.release = resolve));
  const slow = route({
    method: 'GET',
    path: '/v1/slow',
    summary: 'Waits for the test',
    response: z.object({ done: z.boolean() }),
    handler: async () => {
      started.shift()?.();
      await released;
      return { done: true };
    },
  });
  return { gate, slow };
}

describe('startService / close', () => {
  it('binds an ephemeral port on 127.0.0.1 by default', async () => {
    const svc = await startTestService({ name: 's', version: '1', routes: [] });
    expect(svc.address.address).toBe('127.0.0.1');
    expect(svc.address.port).toBeGreaterThan(0);
    expect(svc.url).toBe(`http://127.0.0.1:${svc.address.port}`);
    await svc.close();
  });

  it('rejects when the port is taken', async () => {
    const first = await startTestService({ name: 's', version: '1', routes: [] });
    const second = createService({ name: 's', version: '1', logger: createLogger({ name: 's', level: 'silent' }), routes: [] });
    await expect(startService(second, { port: first.address.port, handleSignals: false })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });

  it('finishes in-flight requests while refusing new connections', async () => {
    const { gate, slow } = gatedRoute();
    const order: string[] = [];
    const service = createService({
      name: 's',
      version: '1',
      logger: createLogger({ name: 's', level: 'silent' }),
      routes: [slow],
      batchers: [{ observe: () => {}, drain: async () => void order.push('batchers drained') }],
    });
    const svc = await startService(service, {
      port: 0,
      handleSignals: false,
      onShutdown: () => void order.push('onShutdown'),
    });
    svc.server.on('request', (_req, res) => res.once('finish', () => order.push('response sent')));
    const inFlight = fetch(`${svc.url}/v1/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
    await gate.entered;

    const closing = svc.close().then(() => order.push('closed'));
    expect(service.draining).toBe(true);
    await expect(fetch(`${svc.url}/healthz`)).rejects.toThrow();

    const started = performance.now();
    gate.release();
    expect(await inFlight).toEqual({ status: 200, body: { done: true } });
    await closing;
    // The keep-alive connection is closed with the response, not left to idle out (~4-5 s).
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(order).toEqual(['response sent', 'batchers drained', 'onShutdown', 'closed']);
    await svc.close();
  });

  it('cuts off requests that outlive shutdownTimeoutMs', async () => {
    const { gate, slow } = gatedRoute();
    const service = createService({ name: 's', version: '1', logger: createLogger({ name: 's', level: 'silent' }), routes: [slow] });
    const svc = await startService(service, { port: 0, handleSignals: false, shutdownTimeoutMs: 100 });
    const stuck = fetch(`${svc.url}/v1/slow`);
    await gate.entered;
    const started = performance.now();
    await svc.close();
    expect(performance.now() - started).toBeLessThan(2_500);
    await expect(stuck).rejects.toThrow();
    gate.release();
  });

  it('reports not-ready and closes connections once draining', async () => {
    const svc = await startTestService({ name: 's', version: '1', routes: [] });
    svc.service.markDraining();
    const res = await fetch(`${svc.url}/readyz`);
    expect(res.status).toBe(503);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ status: 'not_ready', reason: 'shutting down' });
    await svc.close();
  });
});

describe('SIGTERM', () => {
  async function startChild(): Promise<{ child: ChildProcess; url: string; logs: Array<Record<string, unknown>> }> {
    const fixture = fileURLToPath(new URL('./fixtures/slow-service.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { stdio: ['ignore', 'pipe', 'inherit'] });
    const logs: Array<Record<string, unknown>> = [];
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry['url'] === 'string') resolve(entry['url']);
      });
    });
    return { child, url, logs };
  }

  it('drains the in-flight request, runs onShutdown and exits 0', async () => {
    const { child, url, logs } = await startChild();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const response = fetch(`${url}/v1/slow`, { headers: { 'x-request-id': 'sigterm-test' } });
    await expect.poll(() => logs.some((l) => l['msg'] === 'slow request started')).toBe(true);

    child.kill('SIGTERM');
    const res = await response;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect(await exited).toBe(0);

    const messages = logs.map((l) => l['msg']);
    expect(messages).toEqual(expect.arrayContaining(['signal received', 'onShutdown ran', 'stopped']));
    expect(logs.find((l) => l['msg'] === 'slow request started')).toMatchObject({ reqId: 'sigterm-test' });
    expect(logs.find((l) => l['msg'] === 'request completed')).toMatchObject({ reqId: 'sigterm-test', res: { statusCode: 200 } });
  });
});
