import { describe, expect, it } from 'vitest';
import { MetricError } from './errors';
import { averagePrecision } from './precision-recall';
import { rocAuc } from './roc';

/** Small seeded PRNG (mulberry32) so the randomised checks are reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** O(P·N) Mann-Whitney, straight from the definition. */
function bruteAuc(labels: number[], scores: number[]): number {
  let wins = 0;
  let pairs = 0;
  labels.forEach((li, i) =>
    labels.forEach((lj, j) => {
      if (li !== 1 || lj !== 0) return;
      pairs++;
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }),
  );
  return wins / pairs;
}

/** O(n²) AP: at each distinct threshold, recall gained times precision. */
function bruteAp(labels: number[], scores: number[]): number {
  const positives = labels.filter((l) => l === 1).length;
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  let ap = 0;
  let prevRecall = 0;
  for (const t of thresholds) {
    const predicted = labels.filter((_, i) => scores[i]! >= t);
    const tp = predicted.filter((l) => l === 1).length;
    ap += (tp / positives - prevRecall) * (tp / predicted.length);
    prevRecall = tp / positives;
  }
  return ap;
}

describe('ranking metrics', () => {
  it('agree with brute force on random data full of ties', () => {
    const next = random(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(next() * 60);
      const labels = Array.from({ length: n }, (_, i) => (i < 2 ? i : next() < 0.4 ? 1 : 0));
      const scores = labels.map(() => Math.round(next() * 10) / 10);
      expect(rocAuc(labels, scores)).toBeCloseTo(bruteAuc(labels, scores), 12);
      expect(averagePrecision(labels, scores)).toBeCloseTo(bruteAp(labels, scores), 12);
    }
  });

  it('rank a million scores quickly', () => {
    const next = random(1);
    const n = 1_000_000;
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = next() < 0.3 ? 1 : 0;
      scores[i] = Math.min(1, next() * 0.8 + labels[i]! * 0.2);
    }
    const start = performance.now();
    const auc = rocAuc(labels, scores);
    const elapsed = performance.now() - start;
    expect(auc).toBeGreaterThan(0.6);
    // About 0.2 s on a laptop; the bound leaves room for slow CI machines.
    expect(elapsed).toBeLessThan(3000);
  });

  it('reject inputs no metric can use', () => {
    expect(() => rocAuc([0, 1], [0.5])).toThrow(MetricError);
    expect(() => rocAuc([0, 1], [0.5])).toThrow('labels has 2 values but scores has 1');
    expect(() => rocAuc([], [])).toThrow(/empty/);
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/labels\[1\] is 2/);
    expect(() => averagePrecision([0, 1], [0.1, NaN])).toThrow(/scores\[1\] is NaN/);
  });
});
