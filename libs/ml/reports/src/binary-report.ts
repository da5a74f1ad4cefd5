import { calibrationCurve, precisionRecallCurve, rocCurve } from '@dl-suite/ml-metrics';
import { binaryReportMetrics, type BinaryReportMetrics } from './binary-metrics';
import { formatNumber } from './format';
import { markdownTable } from './markdown';
import { calibrationPlot } from './plots/calibration';
import { confusionMatrixPlot } from './plots/confusion-matrix';
import { precisionRecallPlot } from './plots/precision-recall';
import { rocPlot } from './plots/roc';
import { scoreHistogramPlot } from './plots/score-histogram';
import { trainingHistoryPlots, type TrainingHistory } from './training-history';
import { writeReport, type ReportPlot, type ReportSection } from './write-report';

export interface BinaryReportOptions {
  title: string;
  /** Actual classes, 0 or 1. */
  labels: ArrayLike<number>;
  /** Predicted probability of class 1, in [0, 1]. */
  scores: ArrayLike<number>;
  /** Decision threshold (positive when score >= threshold); default 0.5. */
  threshold?: number;
  /** Names of class 0 and class 1; default ['negative', 'positive']. */
  labelNames?: readonly [string, string];
  /** Markdown describing the data and split the scores were measured on. */
  description?: string;
  extraMetrics?: Record<string, number | string>;
  trainingHistory?: TrainingHistory;
  /** Markdown shown at the end: caveats, limitations, how to reproduce. */
  notes?: string;
  calibrationBins?: number;
  histogramBins?: number;
}

/**
 * Evaluates binary scores and writes the report folder: metrics.json, report.md, roc.svg, pr.svg,
 * confusion-matrix.svg, score-histogram.svg, calibration.svg and training-*.svg when a training
 * history is given. Returns what metrics.json holds.
 */
export async function writeBinaryClassificationReport(
  dir: string,
  options: BinaryReportOptions,
): Promise<BinaryReportMetrics> {
  const { labels, scores, threshold = 0.5, labelNames = ['negative', 'positive'], calibrationBins = 10 } = options;
  const metrics = binaryReportMetrics(labels, scores, {
    threshold,
    labelNames,
    calibrationBins,
    extraMetrics: options.extraMetrics,
  });
  const plots = await binaryPlots(options, metrics);
  await writeReport(dir, { title: options.title, sections: binarySections(options, metrics), metrics, plots });
  return metrics;
}

async function binaryPlots(options: BinaryReportOptions, metrics: BinaryReportMetrics): Promise<ReportPlot[]> {
  const { labels, scores } = options;
  const { labels: names, matrix } = metrics.confusion_matrix;
  const [roc, pr, confusion, histogram, calibration, training] = await Promise.all([
    rocPlot(rocCurve(labels, scores), { auc: metrics.roc_auc }),
    precisionRecallPlot(precisionRecallCurve(labels, scores), { ap: metrics.average_precision }),
    confusionMatrixPlot(matrix, names, { title: `Confusion matrix (threshold ${metrics.at_threshold.threshold})` }),
    scoreHistogramPlot(labels, scores, { bins: options.histogramBins, labelNames: [names[0]!, names[1]!] }),
    calibrationPlot(calibrationCurve(labels, scores, metrics.ece_bins), { ece: metrics.ece }),
    trainingHistoryPlots(options.trainingHistory ?? {}),
  ]);
  return [
    { file: 'roc.svg', title: 'ROC curve', svg: roc },
    { file: 'pr.svg', title: 'Precision-recall curve', svg: pr },
    { file: 'confusion-matrix.svg', title: 'Confusion matrix', svg: confusion },
    { file: 'score-histogram.svg', title: 'Score distribution by class', svg: histogram },
    { file: 'calibration.svg', title: 'Reliability diagram', svg: calibration },
    ...training,
  ];
}

function binarySections(options: BinaryReportOptions, metrics: BinaryReportMetrics): ReportSection[] {
  const { counts, at_threshold: at, confusion_matrix: cm } = metrics;
  const [negative, positive] = cm.labels;
  const data = [
    options.description?.trim(),
    `${counts.total} samples: ${counts.positive} ${positive} (class 1), ${counts.negative} ${negative} (class 0).`,
  ];
  const rows: [string, number | string][] = [
    ['ROC-AUC', metrics.roc_auc],
    ['Average precision', metrics.average_precision],
    [`Expected calibration error (${metrics.ece_bins} bins)`, metrics.ece],
    ['Decision threshold (positive when score ≥)', String(at.threshold)],
    ['Accuracy', at.accuracy],
    ['Precision', at.precision],
    ['Recall (sensitivity)', at.recall],
    ['Specificity', at.specificity],
    ['F1', at.f1],
    ...Object.entries(metrics.extra ?? {}),
  ];
  const sections: ReportSection[] = [
    { heading: 'Data', body: data.filter(Boolean).join('\n\n') },
    {
      heading: 'Metrics',
      body: markdownTable(
        ['Metric', 'Value'],
        rows.map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value) : value]),
      ),
    },
    {
      heading: `Confusion matrix at threshold ${at.threshold}`,
      body: markdownTable(
        ['Actual \\ Predicted', ...cm.labels],
        cm.matrix.map((row, a) => [cm.labels[a]!, ...row.map(String)]),
      ),
    },
  ];
  if (options.notes) sections.push({ heading: 'Notes', body: options.notes });
  return sections;
}
