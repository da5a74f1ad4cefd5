export { checkBinaryInputs, MetricError } from './errors';
export { rocAuc, rocCurve, type RocCurve } from './roc';
export { averagePrecision, precisionRecallCurve, type PrecisionRecallCurve } from './precision-recall';
export { confusionMatrix } from './confusion';
export { binaryMetricsAt, type BinaryMetrics } from './binary-threshold';
export { classificationReport, type ClassificationReport, type ClassMetrics } from './classification-report';
export { calibrationCurve, expectedCalibrationError, type CalibrationBin } from './calibration';
export { thresholdForPrecision, thresholdForRecall, type ThresholdChoice } from './thresholds';
export { precisionAtK } from './precision-at-k';
