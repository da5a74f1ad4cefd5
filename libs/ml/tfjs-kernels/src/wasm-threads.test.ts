import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFastConvKernels } from './register';
import { expectAllClose, seededValues } from './testing/compare';
import { initWasmBackend } from './wasm-threads';

function convGradients(): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(seededValues(4 * 10 * 10 * 8, 31), [4, 10, 10, 8]);
    const filter = tf.tensor4d(seededValues(3 * 3 * 8 * 16, 32), [3, 3, 8, 16]);
    const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same').square().sum();
    return tf.grads(loss)([x, filter]).map((t) => t.dataSync() as Float32Array);
  });
}

// Its own test file: the thread count is fixed when the wasm backend first initialises.
describe('initWasmBackend with threads', () => {
  let reference: Float32Array[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    reference = convGradients();
  });

  it('starts XNNPACK on two threads in Node, and the fast kernels run on them', async () => {
    expect(await initWasmBackend(2)).toBe(2);
    expect(tf.getBackend()).toBe('wasm');
    expect(getThreadsCount()).toBe(2);
    registerFastConvKernels('wasm');
    expectAllClose(convGradients(), reference, 1e-4);
  });

  it('does not re-initialise a running backend', async () => {
    expect(await initWasmBackend(4)).toBe(2);
  });
});
