import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from '../data/types';
import type { Normalization } from '../model/normalization';

/** `(pixel / 255 - mean[c]) / std[c]` as an NHWC float tensor: exactly what the HF image processor feeds. */
export function imagesTensor(set: ImageSet, normalization: Normalization): tf.Tensor4D {
  const { mean, std } = normalization;
  const out = new Float32Array(set.images.length);
  for (let i = 0; i < out.length; i++) {
    const c = i % set.channels;
    out[i] = ((set.images[i] as number) / 255 - (mean[c] as number)) / (std[c] as number);
  }
  return tf.tensor4d(out, [set.count, set.height, set.width, set.channels]);
}

export function oneHotTensor(labels: Int32Array, classes: number): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D);
}
