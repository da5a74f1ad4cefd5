import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from './split';

// 1000 rows, 3% positives, in blocks so an unstratified head/tail split would be badly skewed.
const labels = Array.from({ length: 1000 }, (_, i) => (i >= 970 ? 1 : 0));
const positives = (indices: number[]): number => indices.filter((i) => labels[i] === 1).length;

describe('stratifiedSplit', () => {
  it('keeps the class ratio in train and test and covers every row once', () => {
    const { train, test } = stratifiedSplit(labels, { testFraction: 0.2, seed: 1 });
    expect(test).toHaveLength(200);
    expect(train).toHaveLength(800);
    expect(positives(test)).toBe(6);
    expect(positives(train)).toBe(24);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('splits into any number of parts, each sorted, reproducibly by seed', () => {
    const three = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0].flatMap((c) => Array<number>(30).fill(c));
    const parts = stratifiedSplit(three, { fractions: [0.7, 0.15, 0.15], seed: 9 });
    expect(parts.map((p) => p.length)).toEqual([210, 45, 45]);
    for (const part of parts) {
      const counts = [0, 1, 2].map((c) => part.filter((i) => three[i] === c).length / part.length);
      expect(counts[0]).toBeCloseTo(0.4, 1);
      expect(counts[1]).toBeCloseTo(0.3, 1);
      expect(part).toEqual([...part].sort((a, b) => a - b));
    }
    expect(stratifiedSplit(three, { fractions: [0.7, 0.15, 0.15], seed: 9 })).toEqual(parts);
    expect(stratifiedSplit(three, { fractions: [0.7, 0.15, 0.15], seed: 10 })).not.toEqual(parts);
  });

  it('rejects fractions that do not add up and labels that are not numbers', () => {
    expect(() => stratifiedSplit(labels, { fractions: [0.5, 0.4], seed: 1 })).toThrow(/sum to 1/);
    expect(() => stratifiedSplit(labels, { testFraction: 1, seed: 1 })).toThrow(RangeError);
    expect(() => stratifiedSplit([0, Number.NaN], { testFraction: 0.5, seed: 1 })).toThrow(/row 1/);
  });
});
