import { describe, expect, it } from 'vitest';
import { MetricError } from './errors';
import { thresholdForPrecision, thresholdForRecall } from './thresholds';

// Operating points, highest threshold first:
//   0.8 → P 1,  R ½
//   0.4 → P ½,  R ½
//   0.35 → P ⅔, R 1
//   0.1 → P ½,  R 1
const labels = [0, 0, 1, 1];
const scores = [0.1, 0.4, 0.35, 0.8];

describe('thresholdForPrecision', () => {
  it('takes the lowest qualifying threshold, even past a dip in precision', () => {
    // 0.8 and 0.35 reach ⅗; 0.4 does not. The lowest, 0.35, keeps the most recall.
    expect(thresholdForPrecision(labels, scores, 0.6)).toEqual({ threshold: 0.35, precision: 2 / 3, recall: 1 });
  });

  it('falls back to stricter thresholds for a higher target', () => {
    expect(thresholdForPrecision(labels, scores, 1)).toEqual({ threshold: 0.8, precision: 1, recall: 0.5 });
  });

  it('returns null when the target is unreachable', () => {
    // the only positive scores lowest: 0.9 → P 0, 0.2 → P ½
    expect(thresholdForPrecision([1, 0], [0.2, 0.9], 0.6)).toBeNull();
    expect(thresholdForPrecision([0, 0], [0.2, 0.9], 0)).toBeNull();
  });
});

describe('thresholdForRecall', () => {
  it('takes the highest threshold that reaches the recall target', () => {
    expect(thresholdForRecall(labels, scores, 0.5)).toEqual({ threshold: 0.8, precision: 1, recall: 0.5 });
    expect(thresholdForRecall(labels, scores, 0.75)).toEqual({ threshold: 0.35, precision: 2 / 3, recall: 1 });
    expect(thresholdForRecall(labels, scores, 1)).toEqual({ threshold: 0.35, precision: 2 / 3, recall: 1 });
  });

  it('returns null without positives', () => {
    expect(thresholdForRecall([0, 0], [0.1, 0.2], 0.5)).toBeNull();
  });

  it('rejects targets outside [0, 1]', () => {
    expect(() => thresholdForRecall(labels, scores, 1.5)).toThrow(MetricError);
    expect(() => thresholdForPrecision(labels, scores, NaN)).toThrow(/targetPrecision/);
  });
});
