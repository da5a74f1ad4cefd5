import { describe, expect, it } from 'vitest';
import { rocAuc, rocCurve } from './roc';

describe('rocAuc', () => {
  it('matches a hand-computed Mann-Whitney count', () => {
    // positives {0.35, 0.8} vs negatives {0.1, 0.4}:
    // 0.35>0.1 ✓, 0.35>0.4 ✗, 0.8>0.1 ✓, 0.8>0.4 ✓ → 3 of 4 pairs = 0.75
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
  });

  it('counts tied positive/negative pairs as one half', () => {
    // positives {0.5, 0.9} vs negatives {0.5, 0.2}: tie 0.5, then 1 + 1 + 1 → 3.5 / 4
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(0.875, 12);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1])).toBe(0);
  });

  it('does not depend on input order', () => {
    expect(rocAuc([1, 1, 0, 0], [0.8, 0.35, 0.4, 0.1])).toBeCloseTo(0.75, 12);
  });

  it('is NaN when only one class is present', () => {
    expect(rocAuc([1, 1], [0.2, 0.7])).toBeNaN();
    expect(rocAuc([0, 0], [0.2, 0.7])).toBeNaN();
  });
});

describe('rocCurve', () => {
  it('has one point per distinct score, from (0,0) to (1,1)', () => {
    // descending: 0.8 (pos) → tpr ½; 0.4 (neg) → fpr ½; 0.35 (pos) → tpr 1; 0.1 (neg) → fpr 1
    expect(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1],
    });
  });

  it('groups tied scores into a single diagonal step', () => {
    // 0.9 (pos); 0.5 (one pos, one neg together); 0.2 (neg)
    expect(rocCurve([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toEqual({
      fpr: [0, 0, 0.5, 1],
      tpr: [0, 0.5, 1, 1],
      thresholds: [Infinity, 0.9, 0.5, 0.2],
    });
  });

  it('marks the undefined axis NaN for single-class input', () => {
    const curve = rocCurve([1, 1], [0.3, 0.6]);
    expect(curve.tpr).toEqual([0, 0.5, 1]);
    expect(curve.fpr.slice(1).every(Number.isNaN)).toBe(true);
  });
});
