import type { ImageClassifier, PixelImage } from '@dl-suite/ml-runtime';
import { classificationReport, expectedCalibrationError } from '@dl-suite/ml-metrics';
import type { ImageSet } from '../data/types';
import { classificationScores } from '../training/metrics';

export interface ImageEvaluation {
  images: number;
  accuracy: number;
  /** Binary: AUC of the second class; more classes: macro one-vs-rest. */
  roc_auc: number;
  /** Binary tasks only: ECE of the second class's probability (10 bins). */
  expected_calibration_error?: number;
  per_class: Omit<ReturnType<typeof classificationReport>, 'confusionMatrix'>;
  confusion_matrix: { labels: string[]; matrix: number[][] };
  /** `[images, classes]` softmax outputs, for reports. */
  probabilities: Float32Array;
}

/**
 * Scores a labelled set with the served model: the transformers.js pipeline, its preprocessing and
 * the ONNX graph, so the numbers are those of what `serve` answers, not of the tfjs model.
 */
export async function evaluateImageClassifier(
  classifier: Pick<ImageClassifier, 'probabilities' | 'labels'>,
  set: ImageSet,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImageEvaluation> {
  const classes = classifier.labels.length;
  const batchSize = options.batchSize ?? 128;
  const probabilities = new Float32Array(set.count * classes);
  const size = set.height * set.width * set.channels;
  for (let start = 0; start < set.count; start += batchSize) {
    const batch: PixelImage[] = [];
    for (let i = start; i < Math.min(start + batchSize, set.count); i++) {
      batch.push({ data: set.images.subarray(i * size, (i + 1) * size), width: set.width, height: set.height, channels: set.channels });
    }
    (await classifier.probabilities(batch)).forEach((row, j) => probabilities.set(row, (start + j) * classes));
    options.onProgress?.(Math.min(start + batchSize, set.count), set.count);
  }
  const predicted = Array.from({ length: set.count }, (_, r) => {
    const row = probabilities.subarray(r * classes, (r + 1) * classes);
    return row.indexOf(Math.max(...row));
  });
  const { accuracy, auc } = classificationScores(set.labels, probabilities, classes);
  const labels = [...classifier.labels];
  const { confusionMatrix: matrix, ...perClass } = classificationReport(Array.from(set.labels), predicted, labels);
  const positive = Array.from({ length: set.count }, (_, r) => probabilities[r * classes + 1] as number);
  return {
    images: set.count,
    accuracy,
    roc_auc: auc,
    ...(classes === 2 && { expected_calibration_error: expectedCalibrationError(set.labels, positive, 10) }),
    per_class: perClass,
    confusion_matrix: { labels, matrix },
    probabilities,
  };
}
