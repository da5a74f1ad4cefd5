import type * as tf from '@tensorflow/tfjs';

export interface CtcLossInput {
  /** Unnormalised scores `[batch, frames, vocab]`; log-softmax is applied here. */
  logits: tf.Tensor3D;
  /** Target ids per example, without blanks; may be empty. */
  labels: readonly (readonly number[])[];
  /** Valid frames per example (default: all); later frames are padding and get no gradient. */
  inputLengths?: readonly number[];
  /** Id of the blank symbol (default 0). */
  blank?: number;
}

/**
 * The valid frames per example, after rejecting input no alignment could explain: wrong label
 * count, a label id that is the blank or outside the vocabulary, or too few frames for the
 * labels (each repeated neighbour needs a blank between the two, so it costs a frame). Failing
 * here, naming the example, beats returning an infinite loss.
 */
export function checkedInputLengths({ logits, labels, inputLengths, blank = 0 }: CtcLossInput): readonly number[] {
  const [batch, frames, vocab] = logits.shape;
  if (labels.length !== batch) throw new Error(`ctcLoss: ${labels.length} label sequences for a batch of ${batch}`);
  const lengths = inputLengths ?? new Array<number>(batch).fill(frames);
  if (lengths.length !== batch) throw new Error(`ctcLoss: ${lengths.length} input lengths for a batch of ${batch}`);
  labels.forEach((label, b) => {
    const length = lengths[b] as number;
    if (!Number.isInteger(length) || length < 1 || length > frames) {
      throw new Error(`ctcLoss: input length ${length} of example ${b} is outside 1..${frames}`);
    }
    const bad = label.find((id) => !Number.isInteger(id) || id < 0 || id >= vocab || id === blank);
    if (bad !== undefined) throw new Error(`ctcLoss: label id ${bad} of example ${b} is the blank or outside 0..${vocab - 1}`);
    const needed = label.length + label.filter((id, i) => i > 0 && id === label[i - 1]).length;
    if (needed > length) {
      throw new Error(`ctcLoss: example ${b} needs at least ${needed} frames for its ${label.length} labels but has ${length}`);
    }
  });
  return lengths;
}
