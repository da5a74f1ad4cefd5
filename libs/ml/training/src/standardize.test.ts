import { describe, expect, it } from 'vitest';
import { Standardizer } from './standardize';

// 3 rows x 3 columns; the last column is constant.
const data = Float32Array.from([1, 10, 5, 2, 20, 5, 3, 60, 5]);

describe('Standardizer', () => {
  it('z-scores each column with the population std, as computed by hand', () => {
    const s = Standardizer.fit(data, 3);
    // column 0: mean 2, var ((1)+(0)+(1))/3 = 2/3; column 1: mean 30, var (400+100+900)/3 = 1400/3
    const std0 = Math.sqrt(2 / 3);
    const std1 = Math.sqrt(1400 / 3);
    expect(s.toJSON().mean).toEqual([2, 30, 5]);
    expect(s.toJSON().scale[0]).toBeCloseTo(std0, 12);
    expect(s.toJSON().scale[1]).toBeCloseTo(std1, 12);
    const out = s.transform(data);
    const expected = [-1 / std0, -20 / std1, 0, 0, -10 / std1, 0, 1 / std0, 30 / std1, 0];
    expected.forEach((value, i) => expect(out[i]).toBeCloseTo(value, 5));
    expect(data[0]).toBe(1);
  });

  it('centres a zero-variance column instead of dividing by zero', () => {
    const s = Standardizer.fit(Float32Array.from([0.1, 0.1, 0.1, 0.1]), 1);
    expect(s.toJSON().scale).toEqual([1]);
    expect(Array.from(s.transform(Float32Array.from([0.1, 1.1])))).toEqual([0, 1]);
  });

  it('round-trips through JSON and validates what it loads', () => {
    const s = Standardizer.fit(data, 3);
    const copy = Standardizer.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(copy.columns).toBe(3);
    expect(copy.transform(data)).toEqual(s.transform(data));
    expect(() => Standardizer.fromJSON({ mean: [0], scale: [0] })).toThrow(/positive/);
    expect(() => Standardizer.fromJSON({ mean: [0, 1], scale: [1] })).toThrow(TypeError);
    expect(() => Standardizer.fromJSON(null)).toThrow(TypeError);
  });

  it('rejects ragged data, wrong widths and non-finite values', () => {
    expect(() => Standardizer.fit(Float32Array.from([1, 2, 3]), 2)).toThrow(/multiple of 2/);
    expect(() => Standardizer.fit(Float32Array.from([1, Number.NaN]), 2)).toThrow(/row 0, column 1/);
    expect(() => Standardizer.fit(new Float32Array(0), 2)).toThrow(/zero rows/);
    expect(() => Standardizer.fit(data, 3).transform(Float32Array.from([1, 2]))).toThrow(RangeError);
  });
});
