import { checkBinaryInputs, MetricError } from './errors';
import { f1Score, ratio } from './ratio';

export interface BinaryMetrics {
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  specificity: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** [[tn, fp], [fn, tp]]: rows are actual 0/1, columns predicted 0/1. */
  confusionMatrix: number[][];
}

/**
 * Metrics of the decision "positive when score >= threshold". Ratios with a zero denominator are
 * 0 (see ratio()), e.g. precision is 0 when nothing is predicted positive.
 */
export function binaryMetricsAt(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
): BinaryMetrics {
  checkBinaryInputs(labels, scores);
  if (Number.isNaN(threshold)) throw new MetricError('threshold is NaN');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const positive = scores[i]! >= threshold;
    if (labels[i] === 1) {
      if (positive) tp++;
      else fn++;
    } else if (positive) fp++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    threshold,
    accuracy: (tp + tn) / labels.length,
    precision,
    recall,
    f1: f1Score(precision, recall),
    specificity: ratio(tn, tn + fp),
    tp,
    fp,
    tn,
    fn,
    confusionMatrix: [
      [tn, fp],
      [fn, tp],
    ],
  };
}
