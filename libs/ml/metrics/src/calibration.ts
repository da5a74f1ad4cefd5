import { checkBinaryInputs, MetricError } from './errors';

export interface CalibrationBin {
  /** Bin edges on the score axis; the last bin includes 1. */
  lower: number;
  upper: number;
  meanScore: number;
  fractionPositive: number;
  count: number;
}

/**
 * Reliability-diagram data: scores (which must lie in [0, 1]) grouped into `bins` equal-width
 * bins. Empty bins are left out, since their mean score and positive rate are undefined.
 */
export function calibrationCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  checkBinaryInputs(labels, scores);
  if (!Number.isInteger(bins) || bins < 1) throw new MetricError(`bins must be a positive integer, got ${bins}`);
  const counts = new Float64Array(bins);
  const scoreSums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const score = scores[i]!;
    if (score < 0 || score > 1) {
      throw new MetricError(`scores[${i}] is ${score}; calibration needs probabilities in [0, 1]`);
    }
    const bin = Math.min(Math.floor(score * bins), bins - 1);
    counts[bin]!++;
    scoreSums[bin]! += score;
    positives[bin]! += labels[i]!;
  }
  const curve: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const count = counts[b]!;
    if (count === 0) continue;
    curve.push({
      lower: b / bins,
      upper: (b + 1) / bins,
      meanScore: scoreSums[b]! / count,
      fractionPositive: positives[b]! / count,
      count,
    });
  }
  return curve;
}

/** Expected calibration error: Σ (count_b / n) · |meanScore_b − fractionPositive_b| over equal-width bins. */
export function expectedCalibrationError(labels: ArrayLike<number>, scores: ArrayLike<number>, bins = 10): number {
  return calibrationCurve(labels, scores, bins).reduce(
    (ece, bin) => ece + (bin.count / labels.length) * Math.abs(bin.meanScore - bin.fractionPositive),
    0,
  );
}
