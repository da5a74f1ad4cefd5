import { rankedCounts } from './ranking';

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /**
   * Predicting positive for score >= thresholds[i] gives (fpr[i], tpr[i]); thresholds[0] is
   * Infinity, the decision that calls nothing positive.
   */
  thresholds: number[];
}

/**
 * ROC curve with one point per distinct score (ties form one diagonal step), from (0,0) to (1,1).
 * With a single class the undefined axis is all NaN, as its rate has a zero denominator.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  const { thresholds, tps, fps, positives, negatives } = rankedCounts(labels, scores);
  const curve: RocCurve = { fpr: [0], tpr: [0], thresholds: [Infinity] };
  for (let i = 0; i < thresholds.length; i++) {
    curve.fpr.push(fps[i]! / negatives);
    curve.tpr.push(tps[i]! / positives);
    curve.thresholds.push(thresholds[i]!);
  }
  return curve;
}

/**
 * Area under the ROC curve: the probability that a random positive outscores a random negative,
 * with ties counted as 1/2 (Mann-Whitney U / (P·N)). NaN when either class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { tps, fps, positives, negatives } = rankedCounts(labels, scores);
  if (positives === 0 || negatives === 0) return NaN;
  // Trapezoids over the tie groups in count space: a group of tied scores adds its negatives
  // times (positives ranked strictly above + half the tied positives), i.e. exactly Mann-Whitney.
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < tps.length; i++) {
    area += (fps[i]! - prevFp) * (tps[i]! + prevTp);
    prevTp = tps[i]!;
    prevFp = fps[i]!;
  }
  return area / (2 * positives * negatives);
}
