import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerFastConvKernels } from './register';

// Its own test file: wasm must not have been initialised yet.
describe('registering on wasm before the backend initialises', () => {
  it('still sets up the original kernels the replacements fall back on', async () => {
    expect(tf.findBackend('wasm')).toBeNull();
    registerFastConvKernels('wasm');
    await tf.setBackend('wasm');
    const x = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    expect(Array.from(tf.sum(x, 1).dataSync())).toEqual([4, 6, 12, 14]);
    expect(Array.from(tf.mean(x, [0, 1]).dataSync())).toEqual([4, 5]);
    expect(Array.from(tf.cast(tf.tensor([1.5, 2.5]), 'int32').dataSync())).toEqual([1, 2]);
  });
});
