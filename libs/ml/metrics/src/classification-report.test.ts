import { describe, expect, it } from 'vitest';
import { classificationReport } from './classification-report';
import { MetricError } from './errors';

describe('classificationReport', () => {
  // matrix rows actual, cols predicted: [[1,0,0],[0,1,1],[0,1,1]]
  const actual = [0, 1, 2, 2, 1];
  const predicted = [0, 2, 2, 1, 1];

  it('matches hand-computed per-class and averaged metrics', () => {
    // a: tp 1 of 1 predicted, 1 actual → P R F1 = 1; b and c: tp 1 of 2 predicted, 2 actual → ½ each
    // accuracy 3/5; macro F1 (1+½+½)/3 = ⅔; weighted F1 (1·1 + ½·2 + ½·2)/5 = 0.6
    const report = classificationReport(actual, predicted, ['a', 'b', 'c']);
    expect(report.accuracy).toBeCloseTo(0.6, 12);
    expect(report.macroF1).toBeCloseTo(2 / 3, 12);
    expect(report.macroPrecision).toBeCloseTo(2 / 3, 12);
    expect(report.macroRecall).toBeCloseTo(2 / 3, 12);
    expect(report.weightedF1).toBeCloseTo(0.6, 12);
    expect(report.perClass).toEqual([
      { label: 'a', precision: 1, recall: 1, f1: 1, support: 1 },
      { label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { label: 'c', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
    ]);
  });

  it('counts a named but never-seen class in the macro average', () => {
    // class d: P = R = F1 = 0 → macro F1 (1+½+½+0)/4 = ½
    const report = classificationReport(actual, predicted, ['a', 'b', 'c', 'd']);
    expect(report.macroF1).toBeCloseTo(0.5, 12);
    expect(report.perClass[3]).toEqual({ label: 'd', precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('names classes by index without labelNames', () => {
    expect(classificationReport([0, 1], [0, 1]).perClass.map((c) => c.label)).toEqual(['0', '1']);
  });

  it('rejects an empty label list', () => {
    expect(() => classificationReport([0], [0], [])).toThrow(MetricError);
  });
});
