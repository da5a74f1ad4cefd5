import * as tf from '@tensorflow/tfjs';

/** [N, W] int mask → [N, W, 1] float via a frozen two-row table (row 0 for padding, row 1 for tokens). */
function maskColumn(mask: tf.SymbolicTensor, padValue: number, tokenValue: number): tf.SymbolicTensor {
  const table = tf.tensor2d([[padValue], [tokenValue]]);
  return tf.layers.embedding({ inputDim: 2, outputDim: 1, trainable: false, weights: [table] }).apply(mask) as tf.SymbolicTensor;
}

/**
 * The smallest model with the sentiment architecture's moving parts: input_ids + attention_mask,
 * Embedding, masked Conv1D, masked max over steps, Dense(2) logits. Untrained but seeded.
 */
export function buildTinyTextCnn(vocabSize: number, seed = 42): tf.LayersModel {
  const inputIds = tf.input({ shape: [null], dtype: 'int32', name: 'input_ids' });
  const attentionMask = tf.input({ shape: [null], dtype: 'int32', name: 'attention_mask' });
  const keep = maskColumn(attentionMask, 0, 1);
  const embedded = tf.layers
    .embedding({ inputDim: vocabSize, outputDim: 16, embeddingsInitializer: tf.initializers.randomNormal({ stddev: 0.5, seed }) })
    .apply(inputIds) as tf.SymbolicTensor;
  const conv = tf.layers
    .conv1d({ filters: 12, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) })
    .apply(tf.layers.multiply().apply([embedded, keep])) as tf.SymbolicTensor;
  const pooled = tf.layers.globalMaxPooling1d().apply(tf.layers.multiply().apply([conv, keep])) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }), biasInitializer: tf.initializers.constant({ value: 0.1 }) })
    .apply(pooled) as tf.SymbolicTensor;
  return tf.model({ inputs: [inputIds, attentionMask], outputs: logits, name: 'tiny_text_cnn' });
}
