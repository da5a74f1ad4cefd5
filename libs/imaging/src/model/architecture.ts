import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

export const architectureSchema = z.object({
  /** Filters of each conv block; every block but the last is followed by 2×2 max-pooling. */
  filters: z.array(z.number().int().positive()).min(1).default([32, 64, 128]),
  /** Dropout before the classifier head. */
  dropout: z.number().min(0).max(0.9).default(0.2),
  learningRate: z.number().positive().default(1e-3),
  /** Of the BatchNorm moving statistics; lower it for runs of only a few dozen steps. */
  batchNormMomentum: z.number().min(0).max(1).default(0.99),
});
export type Architecture = z.infer<typeof architectureSchema>;

export interface InputShape {
  height: number;
  width: number;
  channels: number;
}

/**
 * The bundled classifier: blocks of Conv 3×3 (same, no bias) → BatchNorm → ReLU, 2×2 max-pooling
 * between blocks, global average pooling, dropout and a linear head. It outputs logits, one per
 * class (two for a binary task), because that is what Hugging Face image-classification models
 * return and what the pipeline softmaxes. `seed` fixes every initializer.
 */
export function buildImageClassifier(shape: InputShape, classes: number, architecture: Architecture, seed: number): tf.LayersModel {
  if (classes < 2) throw new RangeError(`a classifier needs at least 2 classes, got ${classes}`);
  let nextSeed = seed;
  const kernelInitializer = () => tf.initializers.heNormal({ seed: nextSeed++ });
  const model = tf.sequential({ name: 'image_cnn' });
  architecture.filters.forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [shape.height, shape.width, shape.channels] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        useBias: false,
        kernelInitializer: kernelInitializer(),
        name: `conv${i + 1}`,
      }),
    );
    model.add(tf.layers.batchNormalization({ momentum: architecture.batchNormMomentum, name: `bn${i + 1}` }));
    model.add(tf.layers.reLU({ name: `relu${i + 1}` }));
    if (i < architecture.filters.length - 1) model.add(tf.layers.maxPooling2d({ poolSize: 2, name: `pool${i + 1}` }));
  });
  model.add(tf.layers.globalAveragePooling2d({ name: 'gap' }));
  if (architecture.dropout > 0) model.add(tf.layers.dropout({ rate: architecture.dropout, name: 'dropout' }));
  model.add(
    tf.layers.dense({
      units: classes,
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed++ }),
      name: 'logits',
    }),
  );
  model.compile({
    optimizer: tf.train.adam(architecture.learningRate),
    loss: (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits),
  });
  return model;
}
