import { describe, expect, it } from 'vitest';
import { createRng, withSeededMathRandom } from './rng';

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs across seeds', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
  });

  it('draws next() in [0, 1) with a uniform mean and int(n) in [0, n)', () => {
    const rng = createRng(1);
    const values = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 1);
    const ints = Array.from({ length: 5_000 }, () => rng.int(7));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
  });

  it('draws normal() with mean ~0 and variance ~1', () => {
    const rng = createRng(7);
    const values = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeCloseTo(1, 1);
  });

  it('shuffles in place into a permutation, identically for the same seed', () => {
    const a = createRng(3).shuffle(Int32Array.from({ length: 50 }, (_, i) => i));
    const b = createRng(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).toEqual(b);
    expect([...b].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(b).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('rejects a non-finite seed', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});

describe('withSeededMathRandom', () => {
  it('routes Math.random through the generator and restores it, even on error', async () => {
    const original = Math.random;
    const inside = await withSeededMathRandom(createRng(5), async () => [Math.random(), Math.random()]);
    expect(inside).toEqual(draw(5, 2));
    expect(Math.random).toBe(original);
    await expect(withSeededMathRandom(createRng(5), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(Math.random).toBe(original);
  });
});
