import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, route } from './index';
import { startTestService } from './testing';

describe('request logging', () => {
  it('writes JSON lines carrying the request id, with stacks only in the log', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({
      name: 'logged',
      level: 'info',
      destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    const svc = await startTestService({
      name: 'logged',
      version: '1',
      logger,
      routes: [
        route({
          method: 'GET',
          path: '/v1/hello',
          summary: 'Logs a line',
          response: z.object({}),
          handler: ({ log }) => {
            log.info('hello from the handler');
            return {};
          },
        }),
        route({
          method: 'GET',
          path: '/v1/crash',
          summary: 'Throws',
          response: z.object({}),
          handler: () => {
            throw new TypeError('cannot read the model');
          },
        }),
      ],
    });
    const hello = await fetch(`${svc.url}/v1/hello`, { headers: { authorization: 'Bearer secret-token' } });
    const id = hello.headers.get('x-request-id');
    await fetch(`${svc.url}/v1/crash`);
    await fetch(`${svc.url}/healthz`);
    await svc.close();

    expect(lines.find((l) => l['msg'] === 'hello from the handler')).toMatchObject({ reqId: id, name: 'logged' });
    const completed = lines.find((l) => l['msg'] === 'request completed' && l['reqId'] === id)!;
    expect(completed).toMatchObject({ res: { statusCode: 200 }, req: { url: '/v1/hello' } });
    expect(JSON.stringify(completed)).not.toContain('secret-token');
    const crash = lines.find((l) => l['msg'] === 'unhandled error') as { err: { stack: string } };
    expect(crash.err.stack).toContain('TypeError: cannot read the model');
    expect(lines.some((l) => JSON.stringify(l).includes('/healthz'))).toBe(false);
  });
});
