import { describe, expect, it } from 'vitest';
import { calibrationCurve, expectedCalibrationError } from './calibration';
import { MetricError } from './errors';

describe('calibration', () => {
  const labels = [0, 1, 0, 1, 1];
  const scores = [0.1, 0.2, 0.7, 0.8, 0.9];

  it('bins scores into equal-width bins', () => {
    // [0, .5): scores .1 .2 → mean .15, labels 0 1 → .5; [.5, 1]: .7 .8 .9 → mean .8, labels 0 1 1 → ⅔
    const curve = calibrationCurve(labels, scores, 2);
    expect(curve).toHaveLength(2);
    expect(curve[0]).toMatchObject({ lower: 0, upper: 0.5, count: 2, fractionPositive: 0.5 });
    expect(curve[0]!.meanScore).toBeCloseTo(0.15, 12);
    expect(curve[1]).toMatchObject({ lower: 0.5, upper: 1, count: 3 });
    expect(curve[1]!.meanScore).toBeCloseTo(0.8, 12);
    expect(curve[1]!.fractionPositive).toBeCloseTo(2 / 3, 12);
  });

  it('computes ECE as the count-weighted gap', () => {
    // ⅖·|.15 − .5| + ⅗·|.8 − ⅔| = .14 + .08 = .22
    expect(expectedCalibrationError(labels, scores, 2)).toBeCloseTo(0.22, 12);
  });

  it('is 0 for perfectly calibrated scores', () => {
    expect(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0);
  });

  it('drops empty bins and puts a score of 1 in the last bin', () => {
    const curve = calibrationCurve([0, 1, 1], [0, 0.05, 1]);
    expect(curve.map((b) => [b.lower, b.count])).toEqual([
      [0, 2],
      [0.9, 1],
    ]);
  });

  it('rejects scores outside [0, 1] and bad bin counts', () => {
    expect(() => calibrationCurve([0, 1], [0.5, 1.2])).toThrow(/\[0, 1\]/);
    expect(() => calibrationCurve([0, 1], [0.5, 0.6], 0)).toThrow(MetricError);
  });
});
