import {
  averagePrecision,
  binaryMetricsAt,
  expectedCalibrationError,
  rocAuc,
  type BinaryMetrics,
} from '@dl-suite/ml-metrics';

/** The metrics.json of a binary classification report; snake_case because it is a file format. */
export interface BinaryReportMetrics {
  counts: { total: number; positive: number; negative: number };
  roc_auc: number;
  average_precision: number;
  ece: number;
  ece_bins: number;
  at_threshold: Omit<BinaryMetrics, 'confusionMatrix'>;
  /** Rows actual, columns predicted, in `labels` order (class 0 first). */
  confusion_matrix: { labels: string[]; matrix: number[][] };
  extra?: Record<string, number | string>;
}

export interface BinaryMetricsOptions {
  threshold: number;
  labelNames: readonly [string, string];
  calibrationBins: number;
  extraMetrics?: Record<string, number | string>;
}

export function binaryReportMetrics(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: BinaryMetricsOptions,
): BinaryReportMetrics {
  const { confusionMatrix, ...atThreshold } = binaryMetricsAt(labels, scores, options.threshold);
  const positive = atThreshold.tp + atThreshold.fn;
  return {
    counts: { total: labels.length, positive, negative: labels.length - positive },
    roc_auc: rocAuc(labels, scores),
    average_precision: averagePrecision(labels, scores),
    ece: expectedCalibrationError(labels, scores, options.calibrationBins),
    ece_bins: options.calibrationBins,
    at_threshold: atThreshold,
    confusion_matrix: { labels: [...options.labelNames], matrix: confusionMatrix },
    ...(options.extraMetrics && { extra: { ...options.extraMetrics } }),
  };
}
