import * as tf from '@tensorflow/tfjs';

/** The project's CNN: 3 × (Conv 3×3 same + BN + ReLU), max-pooling after the first two, GAP, sigmoid head. */
export function buildCnn(inputShape: [number, number, number] = [28, 28, 1]): tf.LayersModel {
  const model = tf.sequential();
  [32, 64, 128].forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({ ...(i === 0 ? { inputShape } : {}), filters, kernelSize: 3, padding: 'same', useBias: false }),
    );
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.reLU());
    if (i < 2) model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
  return model;
}
