import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadImageClassifier, loadModelFolder, type PixelImage } from '@dl-suite/ml-runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { head, pneumoniaSplits } from '../test-support/pneumonia';
import { tinyModelFolder } from '../test-support/tiny-model';
import type { TrainedImageClassifier } from '../training/train';
import { imagesTensor } from '../training/tensors';
import { softmaxRows } from '../training/metrics';

let dir: string;
let trained: TrainedImageClassifier;

beforeAll(async () => {
  ({ dir, trained } = await tinyModelFolder());
});

describe('saveImageClassifier', () => {
  it('writes a Hugging Face image-classification folder with a verified manifest and a model card', async () => {
    const { manifest } = await loadModelFolder(dir);
    expect(Object.keys(manifest.files).sort()).toEqual(['MODEL_CARD.md', 'config.json', 'onnx/model.onnx', 'preprocessor_config.json']);
    expect(manifest.inputs).toEqual([{ name: 'pixel_values', dtype: 'float32', shape: ['batch', 3, 28, 28] }]);
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    expect(config.id2label).toEqual({ 0: 'normal', 1: 'pneumonia' });
    const preprocessor = JSON.parse(await readFile(join(dir, 'preprocessor_config.json'), 'utf8'));
    expect(preprocessor.image_mean).toEqual([trained.normalization.mean[0], trained.normalization.mean[0], trained.normalization.mean[0]]);
    const card = await readFile(join(dir, 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain('not a medical device');
    expect(card).toContain('Paediatric population');
  });

  it('serves, through the transformers.js pipeline, the probabilities the tfjs model computes (≤ 1e-4)', async () => {
    const { val } = await pneumoniaSplits();
    const images = head(val, 48);
    const expected = tf.tidy(() => {
      const logits = trained.model.predict(imagesTensor(images, trained.normalization)) as tf.Tensor;
      return softmaxRows(logits.dataSync() as Float32Array, 2);
    });
    const classifier = await loadImageClassifier(dir, { intraOpThreads: 1 });
    try {
      const pixels: PixelImage[] = Array.from({ length: images.count }, (_, i) => ({
        data: images.images.subarray(i * 784, (i + 1) * 784),
        width: 28,
        height: 28,
        channels: 1,
      }));
      const served = await classifier.probabilities(pixels);
      const diff = Math.max(...served.flatMap((row, i) => Array.from(row, (p, c) => Math.abs(p - (expected[i * 2 + c] as number)))));
      expect(diff).toBeLessThan(1e-4);
      expect(classifier.labels).toEqual(['normal', 'pneumonia']);
      expect(classifier.inputSize).toEqual({ width: 28, height: 28 });
    } finally {
      await classifier.dispose();
    }
  });

  it('feeds RGB uploads as their channel mean (the first kernel is spread over R, G and B)', async () => {
    const classifier = await loadImageClassifier(dir, { intraOpThreads: 1 });
    try {
      const { val } = await pneumoniaSplits();
      const grey = val.images.subarray(0, 784);
      const rgb = new Uint8Array(784 * 3).map((_, i) => grey[Math.floor(i / 3)] as number);
      const [a, b] = await classifier.probabilities([
        { data: grey, width: 28, height: 28, channels: 1 },
        { data: rgb, width: 28, height: 28, channels: 3 },
      ]);
      expect(Math.abs((a?.[1] as number) - (b?.[1] as number))).toBeLessThan(1e-5);
    } finally {
      await classifier.dispose();
    }
  });
});
