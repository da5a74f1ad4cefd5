import { describe, expect, it } from 'vitest';
import { classWeights } from './class-weights';

describe('classWeights', () => {
  it('computes n / (k * count) per class', () => {
    // n = 8, k = 3: class 0 x5, class 1 x2, class 2 x1
    const weights = classWeights(Float32Array.from([0, 0, 1, 0, 2, 0, 1, 0]));
    expect(weights[0]).toBeCloseTo(8 / (3 * 5), 12);
    expect(weights[1]).toBeCloseTo(8 / (3 * 2), 12);
    expect(weights[2]).toBeCloseTo(8 / (3 * 1), 12);
    expect(Object.keys(weights)).toEqual(['0', '1', '2']);
  });

  it('gives every class the same total weight', () => {
    const labels = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const weights = classWeights(labels);
    expect(9 * (weights[0] as number)).toBeCloseTo(1 * (weights[1] as number), 12);
  });

  it('rejects labels that cannot be class indices', () => {
    expect(() => classWeights([0, 0.5])).toThrow(/row 1/);
    expect(() => classWeights([-1])).toThrow(RangeError);
    expect(() => classWeights([])).toThrow(RangeError);
  });
});
