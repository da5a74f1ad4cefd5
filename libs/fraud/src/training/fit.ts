import * as tf from '@tensorflow/tfjs';
import { averagePrecision, rocAuc } from '@dl-suite/ml-metrics';
import { trainModel, type EpochReport, type TrainResult } from '@dl-suite/ml-training';
import { buildFraudModel, type FraudArchitecture } from '../model/build-model';

export interface Dataset {
  /** Standardised, row-major rows × columns. */
  x: Float32Array;
  y: Float32Array;
  columns: number;
}

export interface FitOptions {
  architecture: FraudArchitecture;
  seed: number;
  epochs: number;
  batchSize: number;
  patience: number;
  /** Loss weight of a fraud example relative to a legitimate one. */
  fraudWeight: number;
  onEpochEnd?: (report: EpochReport) => void;
}

export interface FittedModel {
  model: tf.LayersModel;
  training: TrainResult;
}

const rows = (d: Dataset) => d.y.length;

/**
 * Trains one classifier. With validation data it early-stops on validation average
 * precision — the metric fraud teams are judged on, since positives are ~1% — and keeps
 * the best epoch's weights.
 */
export async function fitClassifier(train: Dataset, validation: Dataset | undefined, options: FitOptions): Promise<FittedModel> {
  const model = buildFraudModel({ ...options.architecture, inputSize: train.columns, seed: options.seed });
  const x = tf.tensor2d(train.x, [rows(train), train.columns]);
  const y = tf.tensor2d(train.y, [rows(train), 1]);
  const vx = validation && tf.tensor2d(validation.x, [rows(validation), validation.columns]);
  const vy = validation && tf.tensor2d(validation.y, [rows(validation), 1]);
  try {
    const training = await trainModel({
      model,
      x,
      y,
      ...(vx && vy
        ? {
            validation: { x: vx, y: vy },
            validationMetrics: (labels: Float32Array, scores: Float32Array) => ({
              average_precision: averagePrecision(labels, scores),
              roc_auc: rocAuc(labels, scores),
            }),
            earlyStopping: { metric: 'val_average_precision', mode: 'max' as const, patience: options.patience, restoreBest: true },
          }
        : {}),
      epochs: options.epochs,
      batchSize: options.batchSize,
      seed: options.seed,
      classWeight: { 0: 1, 1: options.fraudWeight },
      onEpochEnd: options.onEpochEnd,
    });
    return { model, training };
  } finally {
    tf.dispose([x, y, vx, vy].filter((t): t is tf.Tensor2D => t !== undefined));
  }
}

export function predict(model: tf.LayersModel, data: Dataset): Float32Array {
  return tf.tidy(() => {
    const out = model.predict(tf.tensor2d(data.x, [rows(data), data.columns]), { batchSize: 4096 }) as tf.Tensor;
    return out.dataSync() as Float32Array;
  });
}
