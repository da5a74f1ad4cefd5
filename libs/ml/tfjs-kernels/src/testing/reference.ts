import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll } from 'vitest';
import { registerFastConvKernels, restoreKernels } from '../register';

/**
 * Computes `reference()` with tfjs's own CPU kernels, then registers ours on cpu and wasm for
 * the suite's tests, and restores the originals afterwards. Returns the reference results.
 */
export function referenceThenFastKernels<T>(reference: () => T[]): T[] {
  const results: T[] = [];
  beforeAll(async () => {
    await tf.setBackend('cpu');
    results.push(...reference());
    registerFastConvKernels('cpu');
    await tf.setBackend('wasm');
    registerFastConvKernels('wasm');
  });
  afterAll(() => {
    restoreKernels('cpu');
    restoreKernels('wasm');
  });
  return results;
}
