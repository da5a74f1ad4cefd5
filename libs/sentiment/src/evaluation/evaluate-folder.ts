import { binaryMetricsAt, rocAuc } from '@dl-suite/ml-metrics';
import { loadTextClassifier } from '@dl-suite/ml-runtime';
import type { LabelledTexts } from '../data/labelled-tsv';

/** A type, not an interface, so it fits the manifest's JSON metrics record. */
export type SentimentEvaluation = {
  rows: number;
  accuracy: number;
  /** Positive class. */
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  /** Rows = actual, columns = predicted, in label order [negative, positive]. */
  confusionMatrix: number[][];
  /** Texts longer than the model's maxLength (cut before classification). */
  truncated: number;
};

export interface EvaluateOptions {
  /** Texts per pipeline call (the pipeline pads to the longest of each call). Default 32. */
  batchSize?: number;
  intraOpThreads?: number;
}

/**
 * Scores a model folder the way it is served: transformers.js' text-classification pipeline on
 * the raw texts (its tokenizer, its padding, onnxruntime), so the numbers are the served model's.
 */
export async function evaluateSentimentFolder(dir: string, data: LabelledTexts, options: EvaluateOptions = {}): Promise<SentimentEvaluation> {
  const { batchSize = 32, intraOpThreads } = options;
  const classifier = await loadTextClassifier(dir, intraOpThreads === undefined ? {} : { intraOpThreads });
  const positive = classifier.labels[1];
  const scores = new Float32Array(data.texts.length);
  let truncated = 0;
  try {
    for (let start = 0; start < data.texts.length; start += batchSize) {
      const results = await classifier.classify(data.texts.slice(start, start + batchSize));
      results.forEach((r, i) => {
        // Two labels: the pipeline returns the top one; its softmax score fixes the other's.
        scores[start + i] = r.label === positive ? r.score : 1 - r.score;
        if (r.truncated) truncated++;
      });
    }
  } finally {
    await classifier.dispose();
  }
  const at = binaryMetricsAt(data.labels, scores, 0.5);
  return {
    rows: data.texts.length,
    accuracy: at.accuracy,
    precision: at.precision,
    recall: at.recall,
    f1: at.f1,
    rocAuc: rocAuc(data.labels, scores),
    confusionMatrix: [
      [at.tn, at.fp],
      [at.fn, at.tp],
    ],
    truncated,
  };
}
