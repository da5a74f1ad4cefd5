import sharp from 'sharp';
import { evaluateImageClassifier, readMedMnist } from '@dl-suite/imaging';
import { loadImageClassifier } from '@dl-suite/ml-runtime';
import type { RunningService } from '@dl-suite/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, DEFAULT_DATA, loadConfig } from './config';
import { serve } from './main';

let running: RunningService;

beforeAll(async () => {
  running = await serve(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { handleSignals: false });
});
afterAll(async () => {
  await running?.close();
});

describe('the bundled pneumonia model', () => {
  it('meets its validation floor on the real PneumoniaMNIST val split, through the served pipeline', async () => {
    const { splits } = await readMedMnist(DEFAULT_DATA);
    const classifier = await loadImageClassifier(BUNDLED_MODEL_DIR, { intraOpThreads: 1 });
    try {
      const result = await evaluateImageClassifier(classifier, splits.val!);
      expect(result.roc_auc).toBeGreaterThan(0.99);
      expect(result.accuracy).toBeGreaterThan(0.93);
      // The manifest states what this run measures.
      expect(classifier.manifest?.metrics['validation']?.['roc_auc']).toBeCloseTo(result.roc_auc, 3);
    } finally {
      await classifier.dispose();
    }
  });

  it('answers a real validation X-ray over HTTP from `serve` with the manifest-named model and a heatmap', async () => {
    const { splits } = await readMedMnist(DEFAULT_DATA);
    const val = splits.val!;
    const pneumonia = val.labels.indexOf(1);
    const png = await sharp(Buffer.from(val.images.subarray(pneumonia * 784, (pneumonia + 1) * 784)), { raw: { width: 28, height: 28, channels: 1 } })
      .resize(256, 256, { kernel: 'lanczos3' })
      .png()
      .toBuffer();
    const response = await fetch(`${running.url}/v1/predict?explain=true`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.model).toBe('pneumonia-cnn@1.0.0');
    expect(body.label).toBe('pneumonia');
    expect(body.input).toEqual({ format: 'png', width: 256, height: 256 });
    expect((await sharp(Buffer.from(body.explanation.heatmapPng, 'base64')).metadata()).width).toBe(256);
    const model: any = await (await fetch(`${running.url}/v1/model`)).json();
    expect(model.modelCard).toContain('not a medical device');
  });
});
