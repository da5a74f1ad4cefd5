import { rankedCounts } from './ranking';

export interface PrecisionRecallCurve {
  precision: number[];
  recall: number[];
  /** Distinct scores, highest first; point i predicts positive for score >= thresholds[i], so recall rises with i. */
  thresholds: number[];
}

/**
 * Precision and recall at every distinct score. There is no synthetic (recall 0, precision 1)
 * point: each point is a threshold someone could actually deploy. Recall is NaN without positives.
 */
export function precisionRecallCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): PrecisionRecallCurve {
  const { thresholds, tps, fps, positives } = rankedCounts(labels, scores);
  const curve: PrecisionRecallCurve = { precision: [], recall: [], thresholds: [] };
  for (let i = 0; i < thresholds.length; i++) {
    // Every threshold is an observed score, so at least one sample is predicted positive here.
    curve.precision.push(tps[i]! / (tps[i]! + fps[i]!));
    curve.recall.push(tps[i]! / positives);
    curve.thresholds.push(thresholds[i]!);
  }
  return curve;
}

/**
 * Average precision as scikit-learn defines it: Σ (R_n − R_{n−1}) · P_n over the distinct
 * thresholds, a step function without interpolation (interpolating would overstate the area).
 * NaN when there are no positives.
 */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { tps, fps, positives } = rankedCounts(labels, scores);
  if (positives === 0) return NaN;
  let ap = 0;
  let prevTp = 0;
  for (let i = 0; i < tps.length; i++) {
    const tp = tps[i]!;
    ap += ((tp - prevTp) / positives) * (tp / (tp + fps[i]!));
    prevTp = tp;
  }
  return ap;
}
