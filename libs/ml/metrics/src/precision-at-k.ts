import { MetricError } from './errors';
import { rankedCounts } from './ranking';

/**
 * Share of positives among the k highest scores. When tied scores straddle position k, the slots
 * left are filled with the tied group's positive rate (the expectation over all tie orders), so the
 * result never depends on input order.
 */
export function precisionAtK(labels: ArrayLike<number>, scores: ArrayLike<number>, k: number): number {
  const { tps, fps } = rankedCounts(labels, scores);
  if (!Number.isInteger(k) || k < 1 || k > labels.length) {
    throw new MetricError(`k must be an integer in 1..${labels.length}, got ${k}`);
  }
  // The last group's cumulative count is labels.length >= k, so this stops inside the arrays.
  let g = 0;
  while (tps[g]! + fps[g]! < k) g++;
  const aboveTp = g > 0 ? tps[g - 1]! : 0;
  const aboveCount = g > 0 ? aboveTp + fps[g - 1]! : 0;
  const groupRate = (tps[g]! - aboveTp) / (tps[g]! + fps[g]! - aboveCount);
  return (aboveTp + (k - aboveCount) * groupRate) / k;
}
