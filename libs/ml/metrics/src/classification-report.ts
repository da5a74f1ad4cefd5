import { confusionMatrix } from './confusion';
import { MetricError } from './errors';
import { f1Score, ratio } from './ratio';

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of samples whose actual class is this one. */
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroPrecision: number;
  macroRecall: number;
  macroF1: number;
  /** F1 averaged with support as weights, the fairer summary when classes are imbalanced. */
  weightedF1: number;
  perClass: ClassMetrics[];
  confusionMatrix: number[][];
}

/**
 * Per-class and averaged metrics for integer class predictions (multi-class or binary). Every class
 * 0..k-1 counts in the macro averages, even one never seen, so that a model which ignores a class
 * is penalised; k is labelNames.length when given. Zero denominators give 0 (see ratio()).
 */
export function classificationReport(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  labelNames?: readonly string[],
): ClassificationReport {
  if (labelNames?.length === 0) throw new MetricError('labelNames is empty');
  const matrix = confusionMatrix(actual, predicted, labelNames?.length);
  const k = matrix.length;
  const predictedCounts = new Array<number>(k).fill(0);
  for (const row of matrix) row.forEach((count, p) => (predictedCounts[p]! += count));

  let correct = 0;
  const perClass = matrix.map((row, c): ClassMetrics => {
    const tp = row[c]!;
    correct += tp;
    const support = row.reduce((sum, count) => sum + count, 0);
    const precision = ratio(tp, predictedCounts[c]!);
    const recall = ratio(tp, support);
    return { label: labelNames?.[c] ?? String(c), precision, recall, f1: f1Score(precision, recall), support };
  });

  const mean = (pick: (m: ClassMetrics) => number) => perClass.reduce((sum, m) => sum + pick(m), 0) / k;
  return {
    accuracy: correct / actual.length,
    macroPrecision: mean((m) => m.precision),
    macroRecall: mean((m) => m.recall),
    macroF1: mean((m) => m.f1),
    weightedF1: perClass.reduce((sum, m) => sum + m.f1 * m.support, 0) / actual.length,
    perClass,
    confusionMatrix: matrix,
  };
}
