import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

const draws = (rng: Rng, n: number, draw: (r: Rng) => number): number[] => Array.from({ length: n }, () => draw(rng));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

describe('Rng', () => {
  it('repeats a stream for the same seed and name, and differs otherwise', () => {
    const a = draws(new Rng(7, 'x'), 5, (r) => r.uint32());
    expect(draws(new Rng(7, 'x'), 5, (r) => r.uint32())).toEqual(a);
    expect(draws(new Rng(8, 'x'), 5, (r) => r.uint32())).not.toEqual(a);
    expect(draws(new Rng(7, 'y'), 5, (r) => r.uint32())).not.toEqual(a);
  });

  it('draws uniform values in [0, 1) and integers in range', () => {
    const rng = new Rng(1, 'u');
    const u = draws(rng, 20_000, (r) => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    expect(new Set(draws(rng, 1000, (r) => r.intBetween(3, 8)))).toEqual(new Set([3, 4, 5, 6, 7, 8]));
  });

  it('draws normal and Poisson variates with the right moments', () => {
    const normal = draws(new Rng(2, 'n'), 20_000, (r) => r.normal(10, 2));
    expect(mean(normal)).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance(normal))).toBeCloseTo(2, 1);
    const poisson = draws(new Rng(3, 'p'), 20_000, (r) => r.poisson(2.5));
    expect(mean(poisson)).toBeCloseTo(2.5, 1);
    expect(variance(poisson)).toBeCloseTo(2.5, 0);
    expect(draws(new Rng(3, 'p'), 100, (r) => r.poisson(0))).toEqual(new Array(100).fill(0));
  });

  it('samples distinct values and scales rates without losing the fraction', () => {
    const rng = new Rng(4, 's');
    const picked = rng.sample(10, 4);
    expect(new Set(picked).size).toBe(4);
    expect(rng.sample(3, 5)).toEqual([0, 1, 2]);
    expect(mean(draws(rng, 20_000, (r) => r.roundStochastic(0.3)))).toBeCloseTo(0.3, 1);
    expect(rng.roundStochastic(2)).toBe(2);
  });
});
