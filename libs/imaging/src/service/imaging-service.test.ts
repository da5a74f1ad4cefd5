import sharp from 'sharp';
import { rocAuc } from '@dl-suite/ml-metrics';
import { loadImageClassifier, type ImageClassifier } from '@dl-suite/ml-runtime';
import { createLogger, startService, type RunningService } from '@dl-suite/service-kit';
import { uploadOversized } from '@dl-suite/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeDicom } from '../data/test-support/dicom-writer';
import { pngDeclaring } from '../data/test-support/png-writer';
import { pneumoniaSplits } from '../test-support/pneumonia';
import { tinyModelFolder } from '../test-support/tiny-model';
import { createImagingService } from './imaging-service';

let classifier: ImageClassifier;
let running: RunningService;
let url: string;
let pngs: { png: Buffer; label: number }[];

beforeAll(async () => {
  const { dir } = await tinyModelFolder();
  classifier = await loadImageClassifier(dir, { intraOpThreads: 1 });
  const service = createImagingService({
    classifier,
    logger: createLogger({ name: 'medical-imaging', level: 'silent' }),
    maxImagesPerRequest: 8,
    maxPixels: 4_000_000,
    uploadLimitBytes: 2 * 2 ** 20,
    batching: { maxBatchSize: 64, maxDelayMs: 0, maxQueue: 512, timeoutMs: 10_000, concurrency: 1 },
  });
  running = await startService(service, { port: 0, handleSignals: false, shutdownTimeoutMs: 2_000 });
  url = running.url;
  const { val } = await pneumoniaSplits();
  pngs = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => ({
      png: await sharp(Buffer.from(val.images.subarray(i * 784, (i + 1) * 784)), { raw: { width: 28, height: 28, channels: 1 } }).png().toBuffer(),
      label: val.labels[i] as number,
    })),
  );
});

afterAll(async () => {
  await running?.close();
  await classifier?.dispose();
});

const predict = (body: Uint8Array, contentType: string, query = '') =>
  fetch(`${url}/v1/predict${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });

function multipart(files: { data: Uint8Array; type: string }[], boundary = 'test-boundary'): { body: Buffer; contentType: string } {
  const chunks = files.flatMap((file, i) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${i}.png"\r\nContent-Type: ${file.type}\r\n\r\n`),
    Buffer.from(file.data),
    Buffer.from('\r\n'),
  ]);
  return { body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function expectHealthy(): Promise<void> {
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const again = await predict(pngs[0]!.png, 'image/png');
  expect(again.status).toBe(200);
}

describe('POST /v1/predict', () => {
  it('classifies real validation X-rays sent as PNG bodies, well above chance', async () => {
    const scores: number[] = [];
    for (const { png } of pngs) {
      const response = await predict(png, 'image/png');
      expect(response.status).toBe(200);
      const body: any = await response.json();
      expect(body.model).toBe('tiny-cnn@0.0.1');
      expect(body.probabilities.normal + body.probabilities.pneumonia).toBeCloseTo(1, 5);
      expect(body.score).toBe(body.probabilities[body.label]);
      expect(body.input).toEqual({ format: 'png', width: 28, height: 28 });
      scores.push(body.probabilities.pneumonia);
    }
    expect(rocAuc(pngs.map((p) => p.label), scores)).toBeGreaterThan(0.8);
  });

  it('answers a multipart batch in part order, the same as one image at a time', async () => {
    const files = pngs.slice(0, 5).map((p) => ({ data: p.png, type: 'image/png' }));
    const { body, contentType } = multipart(files);
    const response = await predict(body, contentType);
    expect(response.status).toBe(200);
    const batch: any = await response.json();
    expect(batch.predictions).toHaveLength(5);
    for (let i = 0; i < 5; i++) {
      const single: any = await (await predict(pngs[i]!.png, 'image/png')).json();
      expect(batch.predictions[i].probabilities.pneumonia).toBeCloseTo(single.probabilities.pneumonia, 5);
    }
  });

  it('accepts JPEG and DICOM (16-bit, MONOCHROME1, windowed) bodies', async () => {
    const jpeg = await sharp(pngs[0]!.png).jpeg().toBuffer();
    expect((await predict(jpeg, 'image/jpeg')).status).toBe(200);
    const dicom = encodeDicom({
      rows: 32,
      columns: 32,
      bitsAllocated: 16,
      photometric: 'MONOCHROME1',
      window: { center: '500', width: '1000' },
      samples: Array.from({ length: 1024 }, (_, i) => (i * 37) % 1000),
    });
    const response = await predict(Buffer.from(dicom), 'application/dicom');
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).input).toEqual({ format: 'dicom', width: 32, height: 32 });
  });

  it('explains with an occlusion heatmap: a PNG overlay at least 224 px wide, for the predicted label', async () => {
    const response = await predict(pngs[1]!.png, 'image/png', '?explain=true');
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.explanation).toMatchObject({ method: 'occlusion', label: body.label, width: 28, height: 28 });
    expect(body.explanation.evaluations).toBeGreaterThan(16);
    const overlay = await sharp(Buffer.from(body.explanation.heatmapPng, 'base64')).metadata();
    expect(overlay).toMatchObject({ format: 'png', width: 224, height: 224 });
  });

  it.each([
    ['random bytes labelled as PNG', () => predict(Buffer.from('definitely not an image, just text'), 'image/png'), 415, 'unsupported_format'],
    ['a truncated PNG', () => predict(pngs[0]!.png.subarray(0, 60), 'image/png'), 422, 'undecodable'],
    ['a PNG bomb declaring 100000×100000 pixels', () => predict(Buffer.from(pngDeclaring(100_000, 100_000)), 'image/png'), 413, 'too_many_pixels'],
    ['a DICOM without pixel data', () => predict(Buffer.from(encodeDicom({ rows: 8, columns: 8, bitsAllocated: 8, photometric: 'MONOCHROME2', samples: [], pixelData: false })), 'application/dicom'), 422, 'undecodable'],
    ['an empty body', () => predict(Buffer.alloc(0), 'image/png'), 400, 'invalid_request'],
    ['an unknown Content-Type', () => predict(pngs[0]!.png, 'image/gif'), 415, 'unsupported_media_type'],
  ] as const)('refuses %s with $2 and stays healthy', async (_what, send, status, code) => {
    const started = performance.now();
    const response = await send();
    expect(response.status).toBe(status);
    const body: any = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/\n\s+at /);
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectHealthy();
  });

  it('refuses a 100 MB upload from its headers, before reading it', async () => {
    const { status, ms } = await uploadOversized(`${url}/v1/predict`, { totalBytes: 100 * 2 ** 20, contentType: 'image/png' });
    expect(status).toBe(413);
    expect(ms).toBeLessThan(3_000);
    await expectHealthy();
  });

  it('names the bad part of a multipart batch, and refuses more parts than allowed', async () => {
    const mixed = multipart([
      { data: pngs[0]!.png, type: 'image/png' },
      { data: pngs[1]!.png.subarray(0, 50), type: 'image/png' },
    ]);
    const bad = await predict(mixed.body, mixed.contentType);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.message).toMatch(/^part 2 \(1\.png\)/);
    const many = multipart(Array.from({ length: 9 }, () => ({ data: pngs[0]!.png, type: 'image/png' })));
    const tooMany = await predict(many.body, many.contentType);
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as any).error.code).toBe('too_many_images');
    await expectHealthy();
  });

  it('serves the manifest and the model card on GET /v1/model', async () => {
    const body: any = await (await fetch(`${url}/v1/model`)).json();
    expect(body).toMatchObject({ name: 'tiny-cnn', version: '0.0.1', labels: ['normal', 'pneumonia'] });
  });
});
