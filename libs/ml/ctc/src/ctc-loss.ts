import * as tf from '@tensorflow/tfjs';

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

// A finite "log 0": with -Infinity, masked paths would produce 0 · -Inf = NaN in the gradients.
const LOG_ZERO = -1e30;

/**
 * Connectionist temporal classification loss, `-log p(labels | logits)` per example, computed with
 * the log-space forward algorithm in plain tfjs ops so that autodiff gives the gradient.
 * Frames are looped over in JS: each step updates `alpha` over the blank-extended label
 * `[blank, l1, blank, l2, …, blank]` of every example at once.
 */
export function ctcLoss({ logits, labels, inputLengths, blank = 0 }: CtcLossInput): tf.Tensor1D {
  const [batch, frames, vocab] = logits.shape;
  if (labels.length !== batch) throw new Error(`ctcLoss: ${labels.length} label sequences for a batch of ${batch}`);
  const lengths = inputLengths ?? new Array<number>(batch).fill(frames);
  validate(labels, lengths, frames, vocab, blank);

  return tf.tidy(() => {
    const plan = extendedLabels(labels, blank);
    const states = plan.states;
    const logProbs = tf.logSoftmax(logits);
    // emissions[b, t, s] = log p_t(extended[b, s]), one matmul against one-hot rows.
    const oneHot = tf.oneHot(tf.tensor2d(plan.ids, [batch, states], 'int32'), vocab).toFloat();
    const emissions = tf.matMul(logProbs, oneHot, false, true);
    const skipAllowed = tf.tensor2d(plan.skip, [batch, states], 'bool');
    const validState = tf.tensor2d(plan.valid, [batch, states], 'bool');
    const logZero = tf.fill([batch, states], LOG_ZERO) as tf.Tensor2D;

    const first = tf.squeeze<tf.Tensor2D>(tf.slice(emissions, [0, 0, 0], [batch, 1, states]), [1]);
    const startMask = tf.tensor2d(plan.start, [batch, states], 'bool');
    let alpha: tf.Tensor2D = tf.where(startMask, first, logZero);
    for (let t = 1; t < frames; t++) {
      const emit = tf.squeeze<tf.Tensor2D>(tf.slice(emissions, [0, t, 0], [batch, 1, states]), [1]);
      const stay = alpha;
      const advance = shiftRight(alpha, 1);
      const skip = tf.where(skipAllowed, shiftRight(alpha, 2), logZero);
      const next = tf.where(validState, tf.add<tf.Tensor2D>(logSumExp3(stay, advance, skip), emit), logZero);
      const active = tf.tensor2d(lengths.map((n) => [t < n]), [batch, 1], 'bool');
      alpha = tf.where(active, next, alpha);
    }
    const finalMask = tf.tensor2d(plan.final, [batch, states], 'bool');
    return tf.neg(tf.logSumExp(tf.where(finalMask, alpha, logZero), 1)) as tf.Tensor1D;
  });
}

interface ExtendedLabels {
  states: number;
  ids: number[][];
  /** s may be reached from s-2: a label that differs from the label two states back. */
  skip: boolean[][];
  /** s < 2·len + 1 for this example. */
  valid: boolean[][];
  /** The two states a path may start in. */
  start: boolean[][];
  /** The two states a path may end in. */
  final: boolean[][];
}

function extendedLabels(labels: readonly (readonly number[])[], blank: number): ExtendedLabels {
  const states = 2 * Math.max(0, ...labels.map((l) => l.length)) + 1;
  const rows = labels.map((label) => {
    const used = 2 * label.length + 1;
    const ids = Array.from({ length: states }, (_, s) => (s % 2 === 1 && s < used ? (label[(s - 1) / 2] as number) : blank));
    return {
      ids,
      skip: ids.map((id, s) => s >= 2 && id !== blank && id !== ids[s - 2]),
      valid: ids.map((_, s) => s < used),
      start: ids.map((_, s) => s === 0 || (s === 1 && used > 1)),
      final: ids.map((_, s) => s === used - 1 || (s === used - 2 && used > 1)),
    };
  });
  return {
    states,
    ids: rows.map((r) => r.ids),
    skip: rows.map((r) => r.skip),
    valid: rows.map((r) => r.valid),
    start: rows.map((r) => r.start),
    final: rows.map((r) => r.final),
  };
}

function shiftRight(x: tf.Tensor2D, by: number): tf.Tensor2D {
  const [batch, states] = x.shape;
  const kept = tf.slice(x, [0, 0], [batch, states - Math.min(by, states)]);
  return tf.concat([tf.fill([batch, Math.min(by, states)], LOG_ZERO), kept], 1);
}

/** log(e^a + e^b + e^c) without overflow: shift by the maximum first. */
function logSumExp3(a: tf.Tensor2D, b: tf.Tensor2D, c: tf.Tensor2D): tf.Tensor2D {
  const m = tf.maximum(tf.maximum(a, b), c);
  const sum = tf.addN([tf.exp(tf.sub(a, m)), tf.exp(tf.sub(b, m)), tf.exp(tf.sub(c, m))]);
  return tf.add(m, tf.log(sum));
}

function validate(
  labels: readonly (readonly number[])[],
  lengths: readonly number[],
  frames: number,
  vocab: number,
  blank: number,
): void {
  if (lengths.length !== labels.length) {
    throw new Error(`ctcLoss: ${lengths.length} input lengths for a batch of ${labels.length}`);
  }
  labels.forEach((label, b) => {
    const length = lengths[b] as number;
    if (!Number.isInteger(length) || length < 1 || length > frames) {
      throw new Error(`ctcLoss: input length ${length} of example ${b} is outside 1..${frames}`);
    }
    const bad = label.find((id) => !Number.isInteger(id) || id < 0 || id >= vocab || id === blank);
    if (bad !== undefined) throw new Error(`ctcLoss: label id ${bad} of example ${b} is the blank or outside 0..${vocab - 1}`);
    // Each repeated neighbour needs a blank between the two, so it costs a frame.
    const needed = label.length + label.filter((id, i) => i > 0 && id === label[i - 1]).length;
    if (needed > length) {
      throw new Error(`ctcLoss: example ${b} needs at least ${needed} frames for its ${label.length} labels but has ${length}`);
    }
  });
}
