import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';
import { expectAllClose, seededValues } from './testing/compare';

const x = (): tf.Tensor4D => tf.tensor4d(seededValues(2 * 3 * 4 * 5, 7), [2, 3, 4, 5]);

/** Reductions over runs of axes before the last (the fast path), others (fallback), gradients. */
function reductions(): Float32Array[] {
  return tf.tidy(() => {
    const v = x();
    const weights = tf.tensor1d(seededValues(5, 8));
    const loss = (t: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(tf.mean(t, [0, 1, 2]), weights)).add(tf.sum(t, [1, 2]).sum());
    return [
      tf.sum(v, [0, 1, 2]),
      tf.mean(v, [0, 1]),
      tf.sum(v, [0], true),
      tf.mean(v, [1, 2]),
      tf.sum(v, [2, 0]),
      tf.sum(v, [3]),
      tf.mean(v, [1, 2, 3]),
      tf.mean(v, [1, 2], true),
      tf.grad(loss)(v),
    ].map((t) => t.dataSync() as Float32Array);
  });
}

describe('Sum / Mean kernels and gradients against tfjs as shipped on the CPU backend', () => {
  let reference: Float32Array[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    reference = reductions();
    await tf.setBackend('wasm');
    registerFastConvKernels('wasm');
  });

  afterAll(() => restoreKernels('wasm'));

  it('matches for leading, middle, last and scattered axes, with and without keepDims', () => {
    expectAllClose(reductions(), reference, 1e-6);
  });

  it('keeps the reduced axes as size 1 with keepDims', () => {
    expect(tf.tidy(() => tf.sum(x(), [0, 1], true).shape)).toEqual([1, 1, 4, 5]);
    expect(tf.tidy(() => tf.mean(x(), [1, 2], true).shape)).toEqual([2, 1, 1, 5]);
  });
});
