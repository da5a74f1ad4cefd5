import * as tf from '@tensorflow/tfjs';

/**
 * Gradients of Sum and Mean: dy broadcast back over the reduced axes. tfjs-core multiplies
 * by `tf.ones(x.shape)`, which is built as a JS array and copied into the backend on every
 * call; `tf.fill` runs the backend's own Fill kernel instead (and folds in Mean's 1/n).
 */
export const sumGrad: tf.GradConfig = {
  kernelName: tf.Sum,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => ({ x: () => spread(dy as tf.Tensor, saved[0] as tf.Tensor, attrs['axis'], false) }),
};

export const meanGrad: tf.GradConfig = {
  kernelName: tf.Mean,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => ({ x: () => spread(dy as tf.Tensor, saved[0] as tf.Tensor, attrs['axis'], true) }),
};

function spread(dy: tf.Tensor, x: tf.Tensor, axis: unknown, average: boolean): tf.Tensor {
  const axes = tf.util.parseAxisParam(axis as number | number[], x.shape);
  const keptShape = x.shape.map((size, i) => (axes.includes(i) ? 1 : size));
  const reducedCount = tf.util.sizeFromShape(axes.map((a) => x.shape[a] ?? 1));
  return tf.mul(tf.reshape(dy, keptShape), tf.fill(x.shape, average ? 1 / reducedCount : 1));
}
