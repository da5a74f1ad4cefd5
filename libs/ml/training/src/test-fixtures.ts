import * as tf from '@tensorflow/tfjs';
import { createRng } from './rng';

/** Two Gaussian features; the label is x0 + x1 > 0, so a small MLP separates it almost perfectly. */
export function separableData(rows: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: Float32Array } {
  const rng = createRng(seed);
  const features = Float32Array.from({ length: rows * 2 }, () => rng.normal());
  const labels = Float32Array.from({ length: rows }, (_, i) => ((features[2 * i] as number) + (features[2 * i + 1] as number) > 0 ? 1 : 0));
  return { x: tf.tensor2d(features, [rows, 2]), y: tf.tensor2d(labels, [rows, 1]), labels };
}

/** The builder pattern the README asks for: every initializer gets a seed; Dropout gets none. */
export function buildMlp(seed: number, optimizer: tf.Optimizer = tf.train.adam(0.05)): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 16, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dropout({ rate: 0.2 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

export function weightsOf(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array);
}

export const silent = (): void => undefined;
