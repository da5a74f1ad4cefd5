import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';
import { expectAllClose, seededValues } from './testing/compare';
import { referenceThenFastKernels } from './testing/reference';

interface MaxCase {
  name: string;
  shape: number[];
  axes: number | number[];
  keepDims: boolean;
}

const cases: MaxCase[] = [
  { name: 'over time, [N, W, C] → [N, C] (global max pooling)', shape: [3, 7, 5], axes: 1, keepDims: false },
  { name: 'last axis, kept', shape: [4, 6], axes: -1, keepDims: true },
  { name: 'two axes', shape: [2, 3, 4, 5], axes: [1, 2], keepDims: false },
  { name: 'all axes', shape: [5, 4], axes: [0, 1], keepDims: false },
];

// Quantised and ReLU-clipped values: many ties at the maximum, which must all get the gradient.
function maxGradient(c: MaxCase, i: number): Float32Array {
  return tf.tidy(() => {
    const values = seededValues(tf.util.sizeFromShape(c.shape), i + 3).map((v) => Math.max(0, Math.round(v * 2)));
    const x = tf.tensor(values, c.shape);
    const weights = tf.tensor(seededValues(tf.max(x, c.axes, c.keepDims).size, 50 + i));
    const f = (t: tf.Tensor) => tf.sum(tf.mul(tf.reshape(tf.max(t, c.axes, c.keepDims), [-1]), weights));
    return tf.grad(f)(x).dataSync() as Float32Array;
  });
}

describe('Max gradient against tfjs-core’s', () => {
  const reference = referenceThenFastKernels(() => cases.map((c, i) => maxGradient(c, i)));

  for (const backend of ['wasm', 'cpu'] as const) {
    it.each(cases.map((c, i) => [c.name, c, i] as const))(`${backend}: %s`, async (_, c, i) => {
      await tf.setBackend(backend);
      expectAllClose([maxGradient(c, i)], [reference[i] as Float32Array], 0);
    });
  }
});

describe('registration', () => {
  it('replaces the Max gradient while registered and restores tfjs-core’s', async () => {
    await tf.setBackend('cpu');
    const original = tf.getGradient(tf.Max);
    registerFastConvKernels('cpu');
    expect(tf.getGradient(tf.Max)).not.toBe(original);
    restoreKernels('cpu');
    expect(tf.getGradient(tf.Max)).toBe(original);
  });
});
