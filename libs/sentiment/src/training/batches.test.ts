import * as tf from '@tensorflow/tfjs';
import { createRng } from '@dl-suite/ml-training';
import { describe, expect, it } from 'vitest';
import { batchTensors, lengthBucketedBatches } from './batches';

describe('lengthBucketedBatches', () => {
  const rng = createRng(3);
  const lengths = Array.from({ length: 1000 }, () => 3 + rng.int(60));
  const rows = rng.shuffle(Array.from({ length: 1000 }, (_, i) => i));

  it('uses every row once, in batches of at most batchSize', () => {
    const batches = lengthBucketedBatches(rows, lengths, 16, createRng(1));
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Math.max(...batches.map((b) => b.length))).toBe(16);
  });

  it('pads far less than random batches', () => {
    const padding = (batches: number[][]) =>
      batches.reduce((sum, b) => sum + b.reduce((s, r) => s + Math.max(...b.map((q) => lengths[q] as number)) - (lengths[r] as number), 0), 0);
    const random = Array.from({ length: Math.ceil(rows.length / 16) }, (_, i) => rows.slice(i * 16, i * 16 + 16));
    expect(padding(lengthBucketedBatches(rows, lengths, 16, createRng(1)))).toBeLessThan(padding(random) / 5);
  });

  it('is reproducible for a seed and different for another', () => {
    const a = lengthBucketedBatches(rows, lengths, 16, createRng(1));
    expect(lengthBucketedBatches(rows, lengths, 16, createRng(1))).toEqual(a);
    expect(lengthBucketedBatches(rows, lengths, 16, createRng(2))).not.toEqual(a);
  });
});

describe('batchTensors', () => {
  it('right-pads ids with 0 to the longest row, masks real tokens and one-hot encodes labels', async () => {
    await tf.setBackend('cpu');
    const data = { ids: [Int32Array.of(2, 9, 3), Int32Array.of(2, 7, 8, 5, 3)], labels: Uint8Array.of(1, 0) };
    const { x, y } = batchTensors(data, [0, 1]);
    expect(x[0].arraySync()).toEqual([
      [2, 9, 3, 0, 0],
      [2, 7, 8, 5, 3],
    ]);
    expect(x[1].arraySync()).toEqual([
      [1, 1, 1, 0, 0],
      [1, 1, 1, 1, 1],
    ]);
    expect(y.arraySync()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    tf.dispose([...x, y]);
  });
});
