import { describe, expect, it } from 'vitest';
import { binaryMetricsAt } from './binary-threshold';

describe('binaryMetricsAt', () => {
  const labels = [0, 0, 1, 1];
  const scores = [0.1, 0.4, 0.35, 0.8];

  it('treats score >= threshold as positive', () => {
    // positive: 0.4 (neg → fp), 0.35 (pos → tp, exactly at the threshold), 0.8 (tp); 0.1 → tn
    // precision ⅔, recall 1, F1 = 2·⅔·1 / (⅔+1) = 0.8, specificity ½, accuracy ¾
    const m = binaryMetricsAt(labels, scores, 0.35);
    expect(m).toMatchObject({ threshold: 0.35, tp: 2, fp: 1, tn: 1, fn: 0, recall: 1, specificity: 0.5, accuracy: 0.75 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(0.8, 12);
    expect(m.confusionMatrix).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });

  it('reports 0 precision when nothing is predicted positive', () => {
    const m = binaryMetricsAt(labels, scores, 0.9);
    expect(m).toMatchObject({ tp: 0, fp: 0, tn: 2, fn: 2, precision: 0, recall: 0, f1: 0, specificity: 1, accuracy: 0.5 });
  });

  it('reports 0 recall and specificity when a class is missing', () => {
    expect(binaryMetricsAt([0, 0], [0.2, 0.7], 0.5)).toMatchObject({ recall: 0, precision: 0, specificity: 0.5 });
    expect(binaryMetricsAt([1, 1], [0.2, 0.7], 0.5)).toMatchObject({ recall: 0.5, precision: 1, specificity: 0 });
  });

  it('rejects a NaN threshold', () => {
    expect(() => binaryMetricsAt(labels, scores, NaN)).toThrow(/threshold is NaN/);
  });
});
