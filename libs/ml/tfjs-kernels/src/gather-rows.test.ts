import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { expectAllClose, seededValues } from './testing/compare';
import { referenceThenFastKernels } from './testing/reference';

interface GatherCase {
  name: string;
  shape: number[];
  ids: number[];
  idsShape: number[];
  axis: number;
  dtype: 'float32' | 'int32';
}

const cases: GatherCase[] = [
  { name: 'embedding lookup: [vocab, dim] by [batch, steps]', shape: [50, 6], ids: [3, 7, 3, 0, 49, 7, 7, 12], idsShape: [2, 4], axis: 0, dtype: 'float32' },
  { name: 'rows of rank 2', shape: [10, 3, 2], ids: [9, 0, 4], idsShape: [3], axis: 0, dtype: 'float32' },
  { name: 'axis 1 (original kernel)', shape: [4, 5], ids: [4, 0, 4], idsShape: [3], axis: 1, dtype: 'float32' },
  { name: 'int32 table (original kernel)', shape: [6, 2], ids: [5, 1], idsShape: [2], axis: 0, dtype: 'int32' },
];

function gather(c: GatherCase, i: number): Float32Array {
  return tf.tidy(() => {
    const values = seededValues(tf.util.sizeFromShape(c.shape), i + 9).map((v) => (c.dtype === 'int32' ? Math.round(v * 100) : v));
    const x = tf.tensor(values, c.shape, c.dtype);
    return Float32Array.from(tf.gather(x, tf.tensor(c.ids, c.idsShape, 'int32'), c.axis).dataSync());
  });
}

describe('GatherV2 on wasm against the CPU reference kernel', () => {
  const reference = referenceThenFastKernels(() => cases.map((c, i) => gather(c, i)));

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    await tf.setBackend('wasm');
    const stored = tf.engine().backend.numDataIds();
    expectAllClose([gather(c, i)], [reference[i] as Float32Array], 0);
    expect(tf.engine().backend.numDataIds()).toBe(stored);
  });

  it('refuses an id outside the table, as the CPU kernel does', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.tidy(() => tf.gather(tf.zeros([4, 2]), tf.tensor1d([1, 4], 'int32')).dataSync())).toThrow('index value 4 is not in [0, 3]');
  });
});
