import * as tf from '@tensorflow/tfjs';
import { createRng, selectBackend } from '@dl-suite/ml-training';
import { beforeAll, describe, expect, it } from 'vitest';
import { augmentationSchema, createAugmenter } from './augment';

beforeAll(async () => {
  await selectBackend({ prefer: 'cpu', log: () => undefined });
});

const none = augmentationSchema.parse({ maxRotationDegrees: 0, maxShift: 0, maxZoom: 0, maxBrightness: 0, maxContrast: 0 });

/** A 9×9 image, 0 everywhere but a bright 3×3 block whose centre is at (row, col). */
function block(row: number, col: number): Float32Array {
  const image = new Float32Array(81);
  for (let y = row - 1; y <= row + 1; y++) for (let x = col - 1; x <= col + 1; x++) image[y * 9 + x] = 1;
  return image;
}

function centreOfMass(image: ArrayLike<number>): { row: number; col: number } {
  let total = 0;
  let row = 0;
  let col = 0;
  for (let i = 0; i < 81; i++) {
    const v = image[i] as number;
    total += v;
    row += v * Math.floor(i / 9);
    col += v * (i % 9);
  }
  return { row: row / total, col: col / total };
}

describe('createAugmenter', () => {
  it('is the identity when every range is zero', () => {
    const x = tf.tensor4d(block(4, 4), [1, 9, 9, 1]);
    const out = createAugmenter(none, createRng(1), 1)(x);
    expect(Array.from(out.dataSync())).toEqual(Array.from(block(4, 4)));
  });

  it('shifts content by at most maxShift of the side, and never mirrors it', () => {
    const shifts = augmentationSchema.parse({ ...none, maxShift: 2 / 9 });
    const x = tf.tensor4d(new Float32Array(81 * 50).map((_, i) => block(4, 2)[i % 81] as number), [50, 9, 9, 1]);
    const out = createAugmenter(shifts, createRng(2), 1)(x).dataSync();
    const columns = Array.from({ length: 50 }, (_, n) => centreOfMass(out.subarray(n * 81, (n + 1) * 81)).col);
    // The block starts left of centre (column 2); a flip would put it right of centre (column 6).
    expect(Math.min(...columns)).toBeGreaterThanOrEqual(2 - 2.01);
    expect(Math.max(...columns)).toBeLessThanOrEqual(2 + 2.01);
    expect(new Set(columns.map((c) => c.toFixed(2))).size).toBeGreaterThan(10);
  });

  it('applies brightness in pixel units through the normalisation std, and contrast around the mean', () => {
    const brighter = augmentationSchema.parse({ ...none, maxBrightness: 0.1 });
    const x = tf.fill([200, 9, 9, 1], 0.5) as tf.Tensor4D;
    const out = createAugmenter(brighter, createRng(3), 0.25)(x).dataSync();
    const offsets = Array.from({ length: 200 }, (_, n) => (out[n * 81] as number) - 0.5);
    expect(Math.max(...offsets.map(Math.abs))).toBeLessThanOrEqual(0.1 / 0.25 + 1e-6);
    expect(Math.max(...offsets)).toBeGreaterThan(0.3);
    const contrast = augmentationSchema.parse({ ...none, maxContrast: 0.5 });
    const mean = centreOfMass(createAugmenter(contrast, createRng(4), 1)(tf.tensor4d(block(4, 4), [1, 9, 9, 1])).dataSync());
    expect(mean.row).toBeCloseTo(4, 5);
  });

  it('draws the same transforms from the same seed, and different ones from another', () => {
    const x = tf.tensor4d(new Float32Array(81 * 4).map((_, i) => (i * 13) % 7), [4, 9, 9, 1]);
    const defaults = augmentationSchema.parse({});
    const a = createAugmenter(defaults, createRng(9), 1)(x).dataSync();
    const b = createAugmenter(defaults, createRng(9), 1)(x).dataSync();
    const c = createAugmenter(defaults, createRng(10), 1)(x).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });
});
