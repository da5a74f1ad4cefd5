import * as tf from '@tensorflow/tfjs';

/**
 * One functional model whose output is the mean of several trained classifiers' scores, so
 * an ensemble exports and serves as a single ONNX graph. The members' layers are reused
 * as they are (weights shared, not copied); the mean is a fixed, untrainable Dense layer.
 */
export function averageOfModels(members: readonly tf.LayersModel[], inputSize: number): tf.LayersModel {
  if (members.length === 0) throw new Error('an ensemble needs at least one member');
  const input = tf.input({ shape: [inputSize], name: 'features' });
  const scores = members.map((member) =>
    member.layers.reduce<tf.SymbolicTensor>((x, layer) => layer.apply(x) as tf.SymbolicTensor, input),
  );
  if (scores.length === 1) return tf.model({ inputs: input, outputs: scores[0]!, name: 'fraud_ensemble' });
  const stacked = tf.layers.concatenate({ name: 'member_scores' }).apply(scores) as tf.SymbolicTensor;
  const mean = tf.layers.dense({
    units: 1,
    useBias: false,
    trainable: false,
    kernelInitializer: tf.initializers.constant({ value: 1 / members.length }),
    name: 'mean_score',
  });
  return tf.model({ inputs: input, outputs: mean.apply(stacked) as tf.SymbolicTensor, name: 'fraud_ensemble' });
}
