import { describe, expect, it } from 'vitest';
import { downsample, MAX_PLOT_POINTS } from './downsample';

describe('downsample', () => {
  it('leaves short curves alone', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    expect(downsample(points)).toEqual(points);
  });

  it('caps long curves and keeps both ends', () => {
    const points = Array.from({ length: 100_000 }, (_, i) => ({ x: i, y: Math.sin(i / 500) }));
    const thinned = downsample(points);
    expect(thinned.length).toBeLessThanOrEqual(MAX_PLOT_POINTS);
    expect(thinned.length).toBeGreaterThan(MAX_PLOT_POINTS / 2);
    expect(thinned[0]).toBe(points[0]);
    expect(thinned.at(-1)).toBe(points.at(-1));
  });

  it('keeps the vertical jumps of a ROC curve with few positives', () => {
    // 10 positives and 100,000 negatives: each positive lifts tpr by 0.1 in one step.
    const points = [{ x: 0, y: 0 }];
    for (let i = 1; i <= 100_000; i++) {
      const positivesSoFar = Math.floor(i / 10_000);
      points.push({ x: i / 100_000, y: positivesSoFar / 10 });
    }
    const levels = new Set(downsample(points, 100).map((p) => p.y));
    expect(levels.size).toBe(11);
  });

  it('collapses a curve that never moves to its ends', () => {
    expect(downsample(Array.from({ length: 10 }, () => ({ x: 1, y: 1 })), 5)).toHaveLength(2);
  });

  it('needs room for at least one interior point', () => {
    expect(() => downsample([], 2)).toThrow(RangeError);
  });
});
