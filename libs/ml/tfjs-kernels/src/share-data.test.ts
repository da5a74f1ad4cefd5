import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';

describe('Identity and same-dtype Cast on wasm', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    registerFastConvKernels('wasm');
  });

  afterAll(() => restoreKernels('wasm'));

  it('share the data, which outlives the original tensor and is freed with the last user', () => {
    const dataIds = tf.backend().numDataIds();
    const x = tf.tensor([1, 2, 3]);
    const copy = tf.clone(x);
    const cast = tf.cast(x, 'float32');
    expect(tf.backend().numDataIds()).toBe(dataIds + 1);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3]);
    copy.dispose();
    expect(Array.from(cast.dataSync())).toEqual([1, 2, 3]);
    cast.dispose();
    expect(tf.backend().numDataIds()).toBe(dataIds);
  });

  it('still converts when the dtype changes', () => {
    const converted = tf.tidy(() => tf.cast(tf.tensor([1.7, -2.2]), 'int32'));
    expect(converted.dtype).toBe('int32');
    expect(Array.from(converted.dataSync())).toEqual([1, -2]);
    converted.dispose();
  });
});
