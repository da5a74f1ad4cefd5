import * as tf from '@tensorflow/tfjs';
import { checkedInputLengths, type CtcLossInput } from '../ctc-input';

// A finite "log 0": with -Infinity, masked paths would produce 0 · -Inf = NaN in the gradients.
const LOG_ZERO = -1e30;

/**
 * The first implementation of `ctcLoss`, kept as an independent oracle for the fast one: the
 * log-space forward algorithm in plain tfjs ops, so that autodiff (not our closed form) gives the gradient.
 * Frames are looped over in JS: each step updates `alpha` over the blank-extended label
 * `[blank, l1, blank, l2, …, blank]` of every example at once.
 */
export function tfOpsCtcLoss(input: CtcLossInput): tf.Tensor1D {
  const lengths = checkedInputLengths(input);
  const { logits, labels, blank = 0 } = input;
  const [batch, frames, vocab] = logits.shape;

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
