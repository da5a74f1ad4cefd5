import * as tf from '@tensorflow/tfjs';
import { classWeights, createRng, trainModel, type EpochReport, type LearningRateConfig } from '@dl-suite/ml-training';
import { buildImageClassifier, type Architecture } from '../model/architecture';
import { fitNormalization, type Normalization } from '../model/normalization';
import { createAugmenter, type Augmentation } from './augment';
import { classificationScores, softmaxRows } from './metrics';
import type { ImageSet } from '../data/types';
import { imagesTensor, oneHotTensor } from './tensors';

export interface TrainImageClassifierOptions {
  train: ImageSet;
  validation: ImageSet;
  classes: number;
  architecture: Architecture;
  /** Off when undefined. */
  augmentation?: Augmentation;
  epochs: number;
  batchSize: number;
  /** Epochs without a better validation AUC before stopping; the best epoch's weights are kept. */
  patience: number;
  seed: number;
  /** Weigh each class's loss by inverse frequency (default true). */
  balanceClasses?: boolean;
  learningRate?: LearningRateConfig;
  onEpochEnd?: (report: EpochReport) => void;
}

export interface TrainedImageClassifier {
  model: tf.LayersModel;
  normalization: Normalization;
  history: EpochReport[];
  bestEpoch: number;
  seconds: number;
  /** Softmax probabilities of the best model on the validation set, `[count, classes]`. */
  validationProbabilities: Float32Array;
  validation: { accuracy: number; auc: number };
}

/**
 * Trains the CNN from scratch: per-epoch augmentation, inverse-frequency class weights, early
 * stopping on validation AUC (the quality bar's metric) with the best weights restored.
 */
export async function trainImageClassifier(options: TrainImageClassifierOptions): Promise<TrainedImageClassifier> {
  const { train, validation, classes, seed } = options;
  checkCompatible(train, validation, classes);
  const normalization = fitNormalization(train);
  const model = buildImageClassifier(train, classes, options.architecture, seed);
  const x = imagesTensor(train, normalization);
  const y = oneHotTensor(train.labels, classes);
  const validationX = imagesTensor(validation, normalization);
  const validationY = oneHotTensor(validation.labels, classes);
  const meanStd = normalization.std.reduce((a, b) => a + b, 0) / normalization.std.length;
  const augment = options.augmentation && createAugmenter(options.augmentation, createRng(seed ^ 0x2545f491), meanStd);
  try {
    const result = await trainModel({
      model,
      x,
      y,
      validation: { x: validationX, y: validationY },
      epochs: options.epochs,
      batchSize: options.batchSize,
      seed,
      classWeight: options.balanceClasses === false ? undefined : classWeights(train.labels),
      learningRate: options.learningRate,
      augment: augment && ((inputs) => augment(inputs as tf.Tensor)),
      validationMetrics: (labels, logits) => {
        const truth = Int32Array.from({ length: labels.length / classes }, (_, r) => labels.subarray(r * classes, (r + 1) * classes).indexOf(1));
        return classificationScores(truth, softmaxRows(logits, classes), classes);
      },
      earlyStopping: { metric: 'val_auc', mode: 'max', patience: options.patience, restoreBest: true },
      onEpochEnd: options.onEpochEnd,
    });
    const logits = tf.tidy(() => model.predict(validationX, { batchSize: 256 }) as tf.Tensor);
    const validationProbabilities = softmaxRows((await logits.data()) as Float32Array, classes);
    logits.dispose();
    return {
      model,
      normalization,
      history: result.history,
      bestEpoch: result.bestEpoch,
      seconds: result.seconds,
      validationProbabilities,
      validation: classificationScores(validation.labels, validationProbabilities, classes),
    };
  } finally {
    tf.dispose([x, y, validationX, validationY]);
  }
}

function checkCompatible(train: ImageSet, validation: ImageSet, classes: number): void {
  const shape = (s: ImageSet) => `${s.height}×${s.width}×${s.channels}`;
  if (shape(train) !== shape(validation)) {
    throw new Error(`training images are ${shape(train)} but validation images are ${shape(validation)}`);
  }
  for (const [name, set] of [['training', train], ['validation', validation]] as const) {
    const bad = set.labels.find((l) => l < 0 || l >= classes);
    if (bad !== undefined) throw new RangeError(`${name} label ${bad} is outside 0..${classes - 1}`);
  }
}
