import { rocAuc } from '@dl-suite/ml-metrics';

/** Row-wise softmax of `[rows, classes]` logits. */
export function softmaxRows(logits: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length / classes; r++) {
    const row = logits.subarray(r * classes, (r + 1) * classes);
    const max = Math.max(...row);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[r * classes + c] = Math.exp((row[c] as number) - max);
    for (let c = 0; c < classes; c++) out[r * classes + c] = (out[r * classes + c] as number) / sum;
  }
  return out;
}

/**
 * Accuracy (argmax) and ROC-AUC: of class 1 for a binary task, else the macro average of
 * one-vs-rest AUCs (MedMNIST's convention).
 */
export function classificationScores(labels: Int32Array, probabilities: Float32Array, classes: number): { accuracy: number; auc: number } {
  let correct = 0;
  for (let r = 0; r < labels.length; r++) {
    const row = probabilities.subarray(r * classes, (r + 1) * classes);
    if (row.indexOf(Math.max(...row)) === labels[r]) correct++;
  }
  const aucs: number[] = [];
  for (let c = classes === 2 ? 1 : 0; c < classes; c++) {
    const isClass = Array.from(labels, (l) => (l === c ? 1 : 0));
    const score = Array.from({ length: labels.length }, (_, r) => probabilities[r * classes + c] as number);
    aucs.push(rocAuc(isClass, score));
  }
  return { accuracy: correct / labels.length, auc: aucs.reduce((a, b) => a + b, 0) / aucs.length };
}
