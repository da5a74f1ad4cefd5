import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type RunningService, route } from './index';
import { startTestService, uploadOversized } from './testing';

const Upload = z.object({ bytes: z.number(), contentType: z.string(), parts: z.array(z.string()).optional() });

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService({
    name: 'limits',
    version: '0.0.0',
    bodyLimitBytes: 1024,
    routes: [
      route({
        method: 'POST',
        path: '/v1/echo',
        summary: 'Echo a JSON body',
        body: z.object({ text: z.string() }),
        response: z.object({ length: z.number() }),
        handler: ({ body }) => ({ length: body.text.length }),
      }),
      route({
        method: 'POST',
        path: '/v1/upload',
        summary: 'Accept an image or audio clip',
        accepts: ['image/png', 'audio/*', 'multipart/form-data'],
        limitBytes: 64 * 1024,
        response: Upload,
        handler: ({ raw, contentType, parts }) => ({
          bytes: raw.length,
          contentType: contentType!,
          ...(parts && { parts: parts.map((p) => `${p.name}:${p.contentType}:${p.data.toString()}`) }),
        }),
      }),
    ],
  });
});
afterAll(() => svc.close());

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('body limits', () => {
  it('413 from Content-Length without reading the body', async () => {
    const res = await fetch(`${svc.url}/v1/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('payload_too_large');
  });

  it('413 while streaming a body of unknown length', async () => {
    const chunks = Array.from({ length: 100 }, () => new TextEncoder().encode('x'.repeat(100)));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${svc.url}/v1/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('payload_too_large');
  });

  async function upload50MB(contentType: string, declareLength: boolean): Promise<{ status: number; ms: number; serverRead: number }> {
    let serverRead = 0;
    const onConnection = (socket: Socket) => socket.once('close', () => (serverRead += socket.bytesRead));
    svc.server.on('connection', onConnection);
    const { status, ms } = await uploadOversized(`${svc.url}/v1/upload`, { totalBytes: 50 * 2 ** 20, contentType, declareLength });
    await new Promise((resolve) => setTimeout(resolve, 50));
    svc.server.off('connection', onConnection);
    return { status, ms, serverRead };
  }

  it.each([
    ['with Content-Length', 'image/png', true, 413],
    ['streamed without Content-Length', 'image/png', false, 413],
    ['of the wrong media type', 'video/mp4', true, 415],
  ])('rejects a 50 MB upload %s fast, reading little of it', async (_name, contentType, declareLength, expected) => {
    const { status, ms, serverRead } = await upload50MB(contentType, declareLength);
    expect(status).toBe(expected);
    expect(ms).toBeLessThan(3_000);
    // Counted when the server closes the socket: 0 would mean it is still reading the upload.
    expect(serverRead).toBeGreaterThan(0);
    expect(serverRead).toBeLessThan(4 * 2 ** 20);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });
});

describe('media types', () => {
  it('415 lists the accepted types', async () => {
    const res = await fetch(`${svc.url}/v1/upload`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'unsupported_media_type',
      message: 'Content-Type must be one of image/png, audio/*, multipart/form-data (got text/plain)',
    });
  });

  it('415 for a compressed body', async () => {
    const res = await fetch(`${svc.url}/v1/upload`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'content-encoding': 'gzip' },
      body: 'x',
    });
    expect(res.status).toBe(415);
  });

  it('delivers a binary body as a Buffer', async () => {
    const res = await fetch(`${svc.url}/v1/upload`, {
      method: 'POST',
      headers: { 'content-type': 'Audio/WAV; codecs=1' },
      body: new Uint8Array(3000),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: 3000, contentType: 'audio/wav' });
  });

  it('400 for an empty binary body', async () => {
    const res = await fetch(`${svc.url}/v1/upload`, { method: 'POST', headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(400);
  });

  it('splits a multipart body into parts', async () => {
    const form = new FormData();
    form.append('image', new Blob(['first'], { type: 'image/png' }), 'a.png');
    form.append('image', new Blob(['second'], { type: 'image/jpeg' }), 'b.jpg');
    const res = await fetch(`${svc.url}/v1/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      contentType: 'multipart/form-data',
      parts: ['image:image/png:first', 'image:image/jpeg:second'],
    });
  });

  it('400 for a multipart body without a boundary', async () => {
    const res = await fetch(`${svc.url}/v1/upload`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'garbage',
    });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('malformed_multipart');
  });
});
