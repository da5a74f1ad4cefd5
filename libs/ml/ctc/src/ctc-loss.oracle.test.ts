import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ctcLoss } from './ctc-loss';
import { tfOpsCtcLoss } from './test-support/tf-ops-ctc-loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded logits in [-3, 3) and label sequences that fit their input lengths. */
function randomBatch(batch: number, frames: number, vocab: number, seed: number) {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const logits = tf.tensor3d(Float32Array.from({ length: batch * frames * vocab }, () => next() * 6 - 3), [batch, frames, vocab]);
  const inputLengths = Array.from({ length: batch }, () => frames - Math.floor(next() * frames * 0.4));
  // Up to a third of the frames as labels; repeats happen with 11 symbols and are covered by the length bound.
  const labels = inputLengths.map((n) => Array.from({ length: Math.floor(next() * (n / 3)) }, () => 1 + Math.floor(next() * (vocab - 1))));
  return { logits, labels, inputLengths };
}

function lossAndGradient(loss: typeof ctcLoss, batch: ReturnType<typeof randomBatch>) {
  const { logits, labels, inputLengths } = batch;
  const f = (x: tf.Tensor) => tf.sum(tf.mul(loss({ logits: x as tf.Tensor3D, labels, inputLengths }), tf.range(1, labels.length + 1)));
  return {
    loss: loss({ logits, labels, inputLengths }).dataSync(),
    gradient: tf.grad(f)(logits).dataSync(),
  };
}

describe('ctcLoss against the tf-ops implementation (autodiff gradient)', () => {
  it('agrees within 1e-4 on a realistic batch with padding, repeats and weighted examples', () => {
    const batch = randomBatch(8, 60, 12, 7);
    const fast = lossAndGradient(ctcLoss, batch);
    const oracle = lossAndGradient(tfOpsCtcLoss, batch);
    const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
    expect(maxDiff(fast.loss, oracle.loss) / Math.max(...oracle.loss)).toBeLessThan(1e-5);
    expect(maxDiff(fast.gradient, oracle.gradient)).toBeLessThan(1e-4);
    // Non-trivial: gradients are of order one and padded frames are exactly zero.
    expect(Math.max(...Array.from(oracle.gradient, Math.abs))).toBeGreaterThan(0.5);
    const lastFrame = (b: number) => fast.gradient.subarray((b * 60 + 59) * 12, (b * 60 + 60) * 12);
    const padded = batch.inputLengths.findIndex((n) => n < 60);
    expect(Array.from(lastFrame(padded)).every((g) => g === 0)).toBe(true);
  });
});
