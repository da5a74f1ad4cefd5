import * as tf from '@tensorflow/tfjs';

/**
 * Replaces every weight with seeded random values so parity checks are reproducible and
 * exercise non-trivial batch-norm statistics (fresh layers have mean 0 / variance 1).
 * Variances and gammas stay positive and away from zero, like trained ones.
 */
export function randomizeWeights(model: tf.LayersModel, seed: number): void {
  const shapes = model.getWeights().map((t) => t.shape);
  const values = model.weights.map((w, i) => {
    const positive = /moving_variance$|gamma$/.test(w.originalName ?? w.name);
    const [low, high] = positive ? [0.5, 1.5] : [-0.7, 0.7];
    return tf.randomUniform(shapes[i]!, low, high, 'float32', seed + i);
  });
  model.setWeights(values);
  tf.dispose(values);
}

/** A Sequential MLP using every single-input layer kind the exporter handles. */
export function buildMlp(inputSize = 8): tf.Sequential {
  const model = tf.sequential({ name: 'mlp' });
  model.add(tf.layers.dense({ units: 16, inputShape: [inputSize], activation: 'relu' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dropout({ rate: 0.3 }));
  model.add(tf.layers.dense({ units: 12, activation: 'tanh', useBias: false }));
  model.add(tf.layers.batchNormalization({ center: false, scale: false, epsilon: 0.01 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 3 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  return model;
}

/**
 * The project's image CNN (libs/ml/tfjs-kernels/bench/cnn.ts) with fewer filters: 3 × (Conv 3×3
 * 'same' + BatchNormalization + ReLU), max pooling after the first two, global average pooling,
 * sigmoid head.
 */
export function buildSmallCnn(inputShape: [number, number, number] = [28, 28, 1]): tf.Sequential {
  const model = tf.sequential({ name: 'cnn' });
  [4, 8, 16].forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({ ...(i === 0 ? { inputShape } : {}), filters, kernelSize: 3, padding: 'same', useBias: false }),
    );
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.reLU());
    if (i < 2) model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}
