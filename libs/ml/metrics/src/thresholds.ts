import { MetricError } from './errors';
import { rankedCounts } from './ranking';

export interface ThresholdChoice {
  /** Predict positive for score >= threshold; always one of the observed scores. */
  threshold: number;
  precision: number;
  recall: number;
}

/**
 * The lowest threshold whose precision is at least `targetPrecision`: of all operating points that
 * meet the precision target, the one with the most recall. Null when no threshold reaches it.
 */
export function thresholdForPrecision(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  targetPrecision: number,
): ThresholdChoice | null {
  checkTarget(targetPrecision, 'targetPrecision');
  const { thresholds, tps, fps, positives } = rankedCounts(labels, scores);
  // Precision is not monotone in the threshold, so every point has to be looked at.
  let best: ThresholdChoice | null = null;
  for (let i = 0; i < thresholds.length; i++) {
    const precision = tps[i]! / (tps[i]! + fps[i]!);
    if (precision >= targetPrecision) {
      best = { threshold: thresholds[i]!, precision, recall: tps[i]! / positives };
    }
  }
  return positives === 0 ? null : best;
}

/**
 * The highest threshold whose recall is at least `targetRecall`: the strictest decision that still
 * catches the required share of positives. Null when there are no positives.
 */
export function thresholdForRecall(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  targetRecall: number,
): ThresholdChoice | null {
  checkTarget(targetRecall, 'targetRecall');
  const { thresholds, tps, fps, positives } = rankedCounts(labels, scores);
  if (positives === 0) return null;
  // Recall only grows as the threshold falls, so the first hit (highest score first) is the answer.
  for (let i = 0; i < thresholds.length; i++) {
    const recall = tps[i]! / positives;
    if (recall >= targetRecall) {
      return { threshold: thresholds[i]!, precision: tps[i]! / (tps[i]! + fps[i]!), recall };
    }
  }
  return null;
}

function checkTarget(target: number, name: string): void {
  if (!(target >= 0 && target <= 1)) throw new MetricError(`${name} must be in [0, 1], got ${target}`);
}
