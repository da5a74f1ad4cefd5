import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { maxRelativeDiff, runKernel, seededValues } from './testing/compare';
import { referenceThenFastKernels } from './testing/reference';

interface Case {
  name: string;
  shape: [number, number, number, number];
  filterSize: number;
  strides: number;
  pad: 'same' | 'valid';
}

const cases: Case[] = [
  { name: '2×2/2 valid, even size', shape: [3, 8, 8, 5], filterSize: 2, strides: 2, pad: 'valid' },
  { name: '2×2/2 valid, odd size', shape: [2, 7, 9, 3], filterSize: 2, strides: 2, pad: 'valid' },
  { name: '2×2/2 same, odd size', shape: [2, 7, 9, 3], filterSize: 2, strides: 2, pad: 'same' },
  { name: '3×3/2 same, overlapping windows', shape: [1, 9, 8, 4], filterSize: 3, strides: 2, pad: 'same' },
  { name: '3×3/1 valid', shape: [2, 6, 6, 8], filterSize: 3, strides: 1, pad: 'valid' },
];

// Inputs quantised to a few levels and clipped at 0 like a ReLU output: windows full of
// ties, where only the first maximum may receive the gradient.
function tieHeavyInput(shape: number[], seed: number): tf.Tensor4D {
  const values = seededValues(tf.util.sizeFromShape(shape), seed).map((v) => Math.max(0, Math.round(v * 3)));
  return tf.tensor4d(values, shape as [number, number, number, number]);
}

function maxPoolGrad(c: Case, i: number): Float32Array {
  return tf.tidy(() => {
    const x = tieHeavyInput(c.shape, i + 1);
    const y = tf.maxPool(x, c.filterSize, c.strides, c.pad);
    const dy = tf.tensor(seededValues(y.size, 100 + i), y.shape);
    const attrs = { filterSize: c.filterSize, strides: c.strides, pad: c.pad };
    return runKernel(tf.MaxPoolGrad, { dy, input: x, output: y }, attrs);
  });
}

describe('MaxPoolGrad against the CPU reference kernel', () => {
  const reference = referenceThenFastKernels(() => cases.map((c, i) => maxPoolGrad(c, i)));

  for (const backend of ['wasm', 'cpu'] as const) {
    it.each(cases.map((c, i) => [c.name, c, i] as const))(`${backend}: %s`, async (_, c, i) => {
      await tf.setBackend(backend);
      // Same positions as the reference; overlapping windows may sum in another order.
      expect(maxRelativeDiff(maxPoolGrad(c, i), reference[i] as Float32Array)).toBeLessThanOrEqual(1e-6);
    });
  }
});
