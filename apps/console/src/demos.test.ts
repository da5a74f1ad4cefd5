import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole } from './test-support';

let consoleApp: Awaited<ReturnType<typeof startTestConsole>>;
beforeAll(async () => {
  consoleApp = await startTestConsole([]);
});
afterAll(() => consoleApp.running.close());

const get = (path: string) => fetch(`${consoleApp.running.url}${path}`);

describe('demo inputs', () => {
  it('synthesises the sample phrases as WAV with espeak-ng', async () => {
    const { phrases } = (await (await get('/api/demo/speech')).json()) as any;
    expect(phrases[0]).toEqual({ index: 0, text: 'four two seven' });
    const res = await get('/api/demo/speech/0');
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    expect([wav.toString('ascii', 0, 4), wav.toString('ascii', 8, 12)]).toEqual(['RIFF', 'WAVE']);
    const seconds = (wav.length - 44) / wav.readUInt32LE(28);
    expect(seconds).toBeGreaterThan(0.8);
    expect(seconds).toBeLessThan(4);
    expect((await get(`/api/demo/speech/${phrases.length}`)).status).toBe(404);
  });

  it('offers no sample X-rays, and says why, when the dataset file is missing', async () => {
    const body = (await (await get('/api/demo/xrays')).json()) as any;
    expect(body.samples).toEqual([]);
    expect(body.reason).toMatch(/^sample X-rays unavailable: .*no-such-dataset\.npz not found$/);
    expect((await get('/api/demo/xrays/0')).status).toBe(404);
  });
});
