import { describe, expect, it } from 'vitest';
import { MetricError } from './errors';
import { precisionAtK } from './precision-at-k';

describe('precisionAtK', () => {
  it('counts positives among the top k', () => {
    // ranking: 0.8 pos, 0.4 neg, 0.35 pos, 0.1 neg
    const labels = [0, 0, 1, 1];
    const scores = [0.1, 0.4, 0.35, 0.8];
    expect([1, 2, 3, 4].map((k) => precisionAtK(labels, scores, k))).toEqual([1, 0.5, 2 / 3, 0.5]);
  });

  it('fills a tie straddling k with the tie group’s positive rate', () => {
    // top-2: 0.9 (pos) + 1 slot from the tied {pos, neg, neg} at 0.5 worth ⅓ → (1 + ⅓) / 2 = ⅔
    expect(precisionAtK([1, 0, 1, 0], [0.9, 0.5, 0.5, 0.5], 2)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK([0, 0, 1, 1], [0.5, 0.5, 0.9, 0.5], 2)).toBeCloseTo(2 / 3, 12);
  });

  it('rejects k outside 1..n', () => {
    expect(() => precisionAtK([0, 1], [0.1, 0.2], 0)).toThrow(MetricError);
    expect(() => precisionAtK([0, 1], [0.1, 0.2], 3)).toThrow(/1\.\.2/);
    expect(() => precisionAtK([0, 1], [0.1, 0.2], 1.5)).toThrow(MetricError);
  });
});
