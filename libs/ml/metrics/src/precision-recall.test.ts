import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionRecallCurve } from './precision-recall';

describe('averagePrecision', () => {
  it('matches a hand computation', () => {
    // descending: 0.8 pos (P 1, R ½), 0.4 neg (P ½, R ½), 0.35 pos (P ⅔, R 1), 0.1 neg (P ½, R 1)
    // AP = ½·1 + 0·½ + ½·⅔ + 0·½ = 5/6
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(5 / 6, 12);
  });

  it('scores a tie group as a whole, not positives first', () => {
    // 0.9: {pos, neg} → P ½, R ½; 0.6: {pos, neg} → P 2/4, R 1; 0.3: neg → R unchanged
    // AP = ½·½ + ½·½ = 0.5 (breaking ties positive-first would give 1)
    expect(averagePrecision([1, 0, 1, 0, 0], [0.9, 0.9, 0.6, 0.3, 0.6])).toBeCloseTo(0.5, 12);
  });

  it('is 1 for a perfect ranking and small for an inverted one', () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    // descending: neg, neg, pos (P ⅓, R ½), pos (P ½, R 1) → ½·⅓ + ½·½ = 5/12
    expect(averagePrecision([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1])).toBeCloseTo(5 / 12, 12);
  });

  it('is 1 with only positives and NaN with none', () => {
    expect(averagePrecision([1, 1], [0.2, 0.7])).toBe(1);
    expect(averagePrecision([0, 0], [0.2, 0.7])).toBeNaN();
  });
});

describe('precisionRecallCurve', () => {
  it('lists every distinct threshold, highest first', () => {
    expect(precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toEqual({
      precision: [1, 0.5, 2 / 3, 0.5],
      recall: [0.5, 0.5, 1, 1],
      thresholds: [0.8, 0.4, 0.35, 0.1],
    });
  });

  it('merges tied scores into one point', () => {
    expect(precisionRecallCurve([1, 0, 1], [0.5, 0.5, 0.5])).toEqual({
      precision: [2 / 3],
      recall: [1],
      thresholds: [0.5],
    });
  });
});
