import { classificationReport, confusionMatrix } from '@dl-suite/ml-metrics';
import { confusionMatrixPlot, trainingHistoryPlots, writeBinaryClassificationReport, writeReport } from '@dl-suite/ml-reports';
import type { EpochReport } from '@dl-suite/ml-training';
import type { ImageSet } from '../data/types';
import { classificationScores } from '../training/metrics';

export interface ImagingReportOptions {
  title: string;
  description: string;
  labels: readonly string[];
  validation: ImageSet;
  /** `[count, classes]` softmax outputs on the validation set. */
  probabilities: Float32Array;
  history: readonly EpochReport[];
  trainingSeconds: number;
}

/** The headline numbers the manifest and model card carry (the report folder holds the rest). */
export type ImagingHeadlineMetrics = Record<string, number>;

/**
 * Writes the validation report (metrics.json, report.md, SVG plots: ROC, PR, confusion matrix,
 * calibration, score histogram for binary tasks; confusion matrix and per-class table otherwise;
 * training curves always) and returns the headline metrics.
 */
export async function writeImagingReport(dir: string, options: ImagingReportOptions): Promise<ImagingHeadlineMetrics> {
  const { labels, validation, probabilities } = options;
  const classes = labels.length;
  const history = Object.fromEntries(
    ['loss', 'val_loss', 'val_auc', 'val_accuracy'].map((key) => [key, options.history.map((e) => e.metrics[key] ?? NaN)]),
  );
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  if (classes === 2) {
    const scores = Array.from({ length: validation.count }, (_, r) => probabilities[r * 2 + 1] as number);
    const report = await writeBinaryClassificationReport(dir, {
      title: options.title,
      description: options.description,
      labels: validation.labels,
      scores,
      labelNames: [labels[0] as string, labels[1] as string],
      trainingHistory: history,
      extraMetrics: { training_seconds: Math.round(options.trainingSeconds) },
      notes: 'Threshold 0.5 on the softmax probability of the second class, i.e. the predicted label.',
    });
    return {
      roc_auc: round(report.roc_auc),
      accuracy: round(report.at_threshold.accuracy),
      average_precision: round(report.average_precision),
      ece: round(report.ece),
      [`recall_${labels[1]}`]: round(report.at_threshold.recall),
      [`specificity_${labels[0]}`]: round(report.at_threshold.specificity),
    };
  }
  const predicted = Array.from({ length: validation.count }, (_, r) => {
    const row = probabilities.subarray(r * classes, (r + 1) * classes);
    return row.indexOf(Math.max(...row));
  });
  const { accuracy, auc } = classificationScores(validation.labels, probabilities, classes);
  const perClass = classificationReport(Array.from(validation.labels), predicted, labels);
  const matrix = confusionMatrix(Array.from(validation.labels), predicted, classes);
  await writeReport(dir, {
    title: options.title,
    sections: [{ heading: 'Data', body: options.description }],
    metrics: { accuracy, roc_auc_macro: auc, per_class: perClass, confusion_matrix: { labels, matrix }, training_seconds: options.trainingSeconds },
    plots: [
      { file: 'confusion-matrix.svg', title: 'Confusion matrix', svg: await confusionMatrixPlot(matrix, [...labels]) },
      ...(await trainingHistoryPlots(history)),
    ],
  });
  return { roc_auc: round(auc), accuracy: round(accuracy) };
}
