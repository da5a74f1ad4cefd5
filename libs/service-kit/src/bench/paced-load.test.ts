import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pacedLoad } from './paced-load';

describe('pacedLoad', () => {
  let server: Server;
  let url: string;
  const arrivals: number[] = [];

  beforeAll(async () => {
    // Every third request fails, and each answer takes 30 ms: an open-loop client must keep its schedule anyway.
    let count = 0;
    server = createServer((req, res) => {
      arrivals.push(performance.now());
      req.resume();
      const status = ++count % 3 === 0 ? 500 : 200;
      setTimeout(() => res.writeHead(status).end(), 30);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends on a fixed schedule regardless of slow answers and reports latency and failures', async () => {
    const result = await pacedLoad({ url, path: '/x', contentType: 'text/plain', body: () => 'hi', rate: 100, seconds: 1 });
    expect(result.sent).toBe(100);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(33);
    // 100 requests at 100/s leave over ~1 s although each takes 30 ms: more than one was in flight at once.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(900);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeLessThan(1500);
    expect(result.latency.p50).toBeGreaterThanOrEqual(29);
    expect(result.latency.max).toBeGreaterThanOrEqual(result.latency.p99);
  });
});
