import { describe, expect, it } from 'vitest';
import { confusionMatrix } from './confusion';
import { MetricError } from './errors';

describe('confusionMatrix', () => {
  // pairs (actual→predicted): 0→0, 1→2, 2→2, 2→1, 1→1
  const actual = [0, 1, 2, 2, 1];
  const predicted = [0, 2, 2, 1, 1];

  it('puts actual classes in rows and predictions in columns', () => {
    expect(confusionMatrix(actual, predicted)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
    ]);
  });

  it('pads to numClasses so unseen classes keep their row and column', () => {
    const matrix = confusionMatrix(actual, predicted, 4);
    expect(matrix).toHaveLength(4);
    expect(matrix[3]).toEqual([0, 0, 0, 0]);
    expect(matrix.map((row) => row[3])).toEqual([0, 0, 0, 0]);
  });

  it('accepts typed arrays', () => {
    expect(confusionMatrix(Uint8Array.from([1, 0]), Int32Array.from([1, 1]))).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('rejects bad classes and shapes', () => {
    expect(() => confusionMatrix([0, 1], [0])).toThrow(MetricError);
    expect(() => confusionMatrix([], [])).toThrow(/empty/);
    expect(() => confusionMatrix([0, -1], [0, 0])).toThrow(/actual\[1\] is -1/);
    expect(() => confusionMatrix([0, 1.5], [0, 0])).toThrow(MetricError);
    expect(() => confusionMatrix([0, 2], [0, 0], 2)).toThrow(/in 0\.\.1/);
  });
});
