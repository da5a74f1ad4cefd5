import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Largest |a - b|, relative to max(1, max |b|) so large sums are judged by their rounding. */
export function maxRelativeDiff(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return diff / scale;
}

/** Each array within `tolerance` of its counterpart, by `maxRelativeDiff`. */
export function expectAllClose(actual: Float32Array[], expected: Float32Array[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((values, i) => {
    expect(maxRelativeDiff(values, expected[i] as Float32Array)).toBeLessThanOrEqual(tolerance);
  });
}

/** Deterministic pseudo-random values in [-1, 1) (tests must not depend on tf's RNG state). */
export function seededValues(size: number, seed: number): Float32Array {
  const values = new Float32Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values[i] = ((state >>> 0) / 2 ** 32) * 2 - 1;
  }
  return values;
}

/** Runs one kernel through the engine on the active backend and returns its values. */
export function runKernel(kernelName: string, inputs: Record<string, tf.Tensor>, attrs: object): Float32Array {
  const out = tf.engine().runKernel(kernelName, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}
