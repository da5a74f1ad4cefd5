import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of FusedBatchNorm, y = (x - mean) · rsqrt(variance + ε) · scale + offset.
 *
 * Same maths as tfjs-core's, minus its waste: that one tiles rsqrt(variance) to x's full
 * shape before multiplying (Tile is a slow generic loop on wasm — a third of a CNN step)
 * and makes ~12 full-size passes; broadcasting the per-channel factors needs 5. Like the
 * original, every parameter's gradient is reduced to the shape of `mean`.
 */
export const fusedBatchNormGrad: tf.GradConfig = {
  kernelName: tf.FusedBatchNorm,
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined];
    const grad = dy as tf.Tensor;
    const invStd = tf.rsqrt(tf.add(variance, attrs['varianceEpsilon'] as number));
    const gain = scale === undefined ? invStd : tf.mul(invStd, scale);
    // Computed here, not in the per-input closures: each closure runs in its own tidy, and
    // these sums are shared by (mean, offset) and (variance, scale).
    const dySum = sumTo(grad, mean.shape);
    const dyCentredSum = sumTo(tf.mul(grad, tf.sub(x, mean)), mean.shape);
    return {
      x: () => tf.mul(grad, gain),
      mean: () => tf.neg(tf.mul(dySum, gain)),
      variance: () => tf.mul(tf.mul(dyCentredSum, gain), tf.mul(tf.square(invStd), -0.5)),
      scale: () => tf.mul(dyCentredSum, invStd),
      offset: () => tf.clone(dySum),
    };
  },
};

/** Sums `t` over the axes along which a tensor of `shape` was broadcast to t's shape. */
function sumTo(t: tf.Tensor, shape: number[]): tf.Tensor {
  const axes = tf.broadcast_util.getReductionAxes(shape, t.shape);
  return tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, shape);
}
