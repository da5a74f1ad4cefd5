import * as tf from '@tensorflow/tfjs';
import { checkedInputLengths, type CtcLossInput } from './ctc-input';
import { ctcForwardBackward } from './forward-backward';

/**
 * Connectionist temporal classification loss, `-log p(labels | logits)` per example.
 * The forward-backward pass runs in plain JS on the logits' values and yields the closed-form
 * gradient at the same time, which a `tf.customGrad` hands back to autodiff. Unrolling the
 * recursion into tf ops instead costs a dozen small kernels per frame (0.7–1.1 s per step for
 * 32 × 100 frames, against milliseconds here; see README).
 */
export function ctcLoss(input: CtcLossInput): tf.Tensor1D {
  const lengths = checkedInputLengths(input);
  const { labels, blank = 0 } = input;
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const logits = args[0] as tf.Tensor;
    const [batch, frames, vocab] = logits.shape as [number, number, number];
    const values = logits.dataSync() as Float32Array;
    const losses = new Float32Array(batch);
    // Padded frames keep a zero gradient.
    const gradient = new Float32Array(batch * frames * vocab);
    for (let b = 0; b < batch; b++) {
      const offset = b * frames * vocab;
      const result = ctcForwardBackward({
        logits: values.subarray(offset, offset + frames * vocab),
        vocab,
        length: lengths[b] as number,
        label: labels[b] as readonly number[],
        blank,
      });
      losses[b] = result.loss;
      gradient.set(result.gradient, offset);
    }
    return {
      value: tf.tensor1d(losses),
      gradFunc: (dy: tf.Tensor) => tf.mul(tf.tensor3d(gradient, [batch, frames, vocab]), tf.reshape(dy, [batch, 1, 1])),
    };
  });
  return loss(input.logits) as tf.Tensor1D;
}
