import * as tf from '@tensorflow/tfjs';
import { FRONT_END, melLayer, type FrontEndConfig } from './front-end';

/**
 * Frequency warps of the serving ensemble: the mel filterbank at 0.94, 1 and 1.06 times its
 * band edges. Chosen on the held-out FSDD speaker's strings with the 1.1.0 model (digit error
 * rate 0.169 → 0.150; five warps 0.88–1.12: 0.181), before looking at other voices.
 */
export const SERVING_WARPS: readonly number[] = [0.94, 1, 1.06];

/**
 * The trained model run on several frequency-warped versions of its own log-mel features and
 * averaged in the log-probability domain: a cheap speaker-normalising ensemble (vocal-tract
 * length differs between talkers, which shifts formants by a roughly constant factor). Every
 * layer after the mel filterbank is shared with `model`, so the ensemble has its weights and
 * the exporter stores them once; the output is mean log-probabilities, which CTC decoders take
 * as logits. Costs one acoustic model run per warp (the STFT is computed once).
 */
export function warpEnsemble(model: tf.LayersModel, warps: readonly number[] = SERVING_WARPS, frontEnd: FrontEndConfig = FRONT_END): tf.LayersModel {
  const mel = model.getLayer('frontend_mel');
  const [power] = mel.inboundNodes[0]!.inputTensors;
  const streams = warps.map((warp, i) => {
    const warped = melLayer(frontEnd, `frontend_mel_warp${i}`, warp).apply(power!) as tf.SymbolicTensor;
    const logits = reapplyFrom(model, mel.output as tf.SymbolicTensor, warped);
    // tfjs registers 'logSoftmax' but leaves it out of its ActivationIdentifier type.
    return tf.layers.activation({ activation: 'logSoftmax' as 'softmax', name: `log_probs_warp${i}` }).apply(logits) as tf.SymbolicTensor;
  });
  const averaged = streams.length === 1 ? streams[0]! : (tf.layers.average({ name: 'warp_average' }).apply(streams) as tf.SymbolicTensor);
  return tf.model({ inputs: model.inputs, outputs: averaged, name: `${model.name}_warp_ensemble` });
}

/** `model`'s output computed again with `from` replaced by `to`: every layer downstream of `from` applied once more (shared weights). */
function reapplyFrom(model: tf.LayersModel, from: tf.SymbolicTensor, to: tf.SymbolicTensor): tf.SymbolicTensor {
  const replaced = new Map<number, tf.SymbolicTensor>([[from.id, to]]);
  // model.layers is in topological order; each layer's first inbound node is its call in `model`.
  for (const layer of model.layers) {
    const node = layer.inboundNodes[0];
    if (!node || !node.inputTensors.some((t) => replaced.has(t.id))) continue;
    const inputs = node.inputTensors.map((t) => replaced.get(t.id) ?? t);
    const outputs = [layer.apply(inputs.length === 1 ? inputs[0]! : inputs)].flat() as tf.SymbolicTensor[];
    node.outputTensors.forEach((t, i) => replaced.set(t.id, outputs[i]!));
  }
  const output = replaced.get((model.outputs[0] as tf.SymbolicTensor).id);
  if (!output) throw new Error(`warpEnsemble: ${model.name}'s output does not depend on ${from.name}`);
  return output;
}
