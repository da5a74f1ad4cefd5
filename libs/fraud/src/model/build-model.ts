import * as tf from '@tensorflow/tfjs';

export interface FraudModelOptions {
  inputSize: number;
  /** Hidden layer widths; an empty list gives logistic regression. */
  hidden: number[];
  dropout: number;
  learningRate: number;
  seed: number;
}

export type FraudArchitecture = Omit<FraudModelOptions, 'inputSize' | 'seed'>;

export const DEFAULT_MLP: FraudArchitecture = {
  hidden: [64, 32],
  dropout: 0.2,
  learningRate: 1e-3,
};

export const LOGISTIC_REGRESSION: FraudArchitecture = {
  hidden: [],
  dropout: 0,
  learningRate: 1e-2,
};

/** A compiled binary classifier over standardised features, seeded end to end. */
export function buildFraudModel(options: FraudModelOptions): tf.Sequential {
  const model = tf.sequential({ name: options.hidden.length ? 'fraud_mlp' : 'fraud_logreg' });
  options.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: options.seed + i }),
        ...(i === 0 ? { inputShape: [options.inputSize] } : {}),
      }),
    );
    // Unseeded on purpose: a seeded tfjs Dropout repeats one mask; trainModel seeds Math.random instead.
    if (options.dropout > 0) model.add(tf.layers.dropout({ rate: options.dropout }));
  });
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + 1000 }),
      ...(options.hidden.length === 0 ? { inputShape: [options.inputSize] } : {}),
    }),
  );
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  return model;
}
