import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ctcLoss } from './ctc-loss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Reference in float64: sum the probability of every alignment of `frames` symbols that collapses to `label`. */
function bruteForce(logits: number[][], label: readonly number[], blank = 0): { loss: number; grad: number[][] } {
  const probs = logits.map(softmax);
  const frames = logits.length;
  const vocab = logits[0]!.length;
  let total = 0;
  // occupancy[t][k]: probability mass of the label's alignments that emit k at frame t.
  const occupancy = logits.map(() => new Array<number>(vocab).fill(0));
  for (let code = 0; code < vocab ** frames; code++) {
    const path = Array.from({ length: frames }, (_, t) => Math.floor(code / vocab ** t) % vocab);
    if (!sameSequence(collapse(path, blank), label)) continue;
    const p = path.reduce((acc, k, t) => acc * probs[t]![k]!, 1);
    total += p;
    path.forEach((k, t) => (occupancy[t]![k]! += p));
  }
  // d(-log p)/d logit[t][k] = softmax[t][k] - occupancy[t][k] / p  (Graves et al. 2006, eq. 16).
  const grad = probs.map((row, t) => row.map((y, k) => y - occupancy[t]![k]! / total));
  return { loss: -Math.log(total), grad };
}

function collapse(path: number[], blank: number): number[] {
  return path.filter((k, t) => k !== blank && (t === 0 || k !== path[t - 1]));
}

const sameSequence = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function softmax(row: number[]): number[] {
  const m = Math.max(...row);
  const e = row.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b);
  return e.map((x) => x / s);
}

/** Deterministic pseudo-random logits in [-2, 2). */
function randomLogits(batch: number, frames: number, vocab: number, seed: number): number[][][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 4 - 2;
  return Array.from({ length: batch }, () => Array.from({ length: frames }, () => Array.from({ length: vocab }, next)));
}

function lossAndGrad(logits: number[][][], labels: number[][], inputLengths?: number[]) {
  const x = tf.tensor3d(logits);
  const f = (z: tf.Tensor) => tf.sum(ctcLoss({ logits: z as tf.Tensor3D, labels, inputLengths }));
  const loss = ctcLoss({ logits: x, labels, inputLengths }).arraySync();
  const grad = tf.grad(f)(x).arraySync() as number[][][];
  return { loss, grad };
}

describe('ctcLoss', () => {
  const cases: { name: string; frames: number; vocab: number; labels: number[][]; lengths?: number[] }[] = [
    { name: 'one label, T=3, V=2', frames: 3, vocab: 2, labels: [[1]] },
    { name: 'repeated label needs a blank between, T=4, V=2', frames: 4, vocab: 2, labels: [[1, 1]] },
    { name: 'distinct labels, T=5, V=3', frames: 5, vocab: 3, labels: [[1, 2]] },
    { name: 'empty label (all blanks), T=4, V=3', frames: 4, vocab: 3, labels: [[]] },
    { name: 'label as long as the input, T=3, V=3', frames: 3, vocab: 3, labels: [[1, 2, 1]] },
    {
      name: 'batch with variable input and label lengths, T=5, V=3',
      frames: 5,
      vocab: 3,
      labels: [[1, 2, 2], [2], [], [1, 1]],
      lengths: [5, 2, 3, 4],
    },
  ];

  for (const c of cases) {
    it(`matches brute-force enumeration of alignments: ${c.name}`, () => {
      const logits = randomLogits(c.labels.length, c.frames, c.vocab, c.frames * 31 + c.vocab);
      const { loss, grad } = lossAndGrad(logits, c.labels, c.lengths);
      c.labels.forEach((label, b) => {
        const used = c.lengths?.[b] ?? c.frames;
        const reference = bruteForce(logits[b]!.slice(0, used), label);
        expect(loss[b]).toBeCloseTo(reference.loss, 4);
        for (let t = 0; t < c.frames; t++) {
          for (let k = 0; k < c.vocab; k++) {
            // Padded frames take no part in the loss, so their gradient is exactly zero.
            const expected = t < used ? reference.grad[t]![k]! : 0;
            expect(grad[b]![t]![k]).toBeCloseTo(expected, 4);
          }
        }
      });
    });
  }

  it('stays finite for confident, large logits (stable log-sum-exp)', () => {
    const logits = [[[80, -80, 0], [-80, 80, 0], [80, -80, 0], [0, -80, 80], [80, 0, -80]]];
    const { loss, grad } = lossAndGrad(logits, [[1, 2]]);
    expect(Number.isFinite(loss[0])).toBe(true);
    expect(loss[0]).toBeLessThan(1e-3); // the argmax path spells the label
    expect(grad.flat(2).every(Number.isFinite)).toBe(true);
  });

  it('uses another blank id when told', () => {
    const logits = randomLogits(1, 4, 3, 5);
    const loss = ctcLoss({ logits: tf.tensor3d(logits), labels: [[0, 1]], blank: 2 }).arraySync();
    // Relabel so that the reference's blank (0) is the model's id 2.
    const swapped = logits[0]!.map(([a, b, c]) => [c!, a!, b!]);
    expect(loss[0]).toBeCloseTo(bruteForce(swapped, [1, 2]).loss, 4);
  });

  it('rejects impossible alignments and bad ids, naming the example', () => {
    const logits = tf.zeros([2, 3, 3]) as tf.Tensor3D;
    expect(() => ctcLoss({ logits, labels: [[1], [1, 1, 2]] })).toThrow(/example 1 needs at least 4 frames/);
    expect(() => ctcLoss({ logits, labels: [[1], [0]] })).toThrow(/label id 0 of example 1 is the blank/);
    expect(() => ctcLoss({ logits, labels: [[1], [3]] })).toThrow(/outside 0..2/);
    expect(() => ctcLoss({ logits, labels: [[1]] })).toThrow(/1 label sequences for a batch of 2/);
    expect(() => ctcLoss({ logits, labels: [[1], [2]], inputLengths: [3, 4] })).toThrow(/input length 4 of example 1/);
  });

  it('trains: a few gradient steps make the target transcription the greedy output', () => {
    const logits = tf.variable(tf.zeros([1, 6, 4]));
    const optimizer = tf.train.adam(0.3);
    for (let step = 0; step < 40; step++) {
      optimizer.minimize(() => tf.mean(ctcLoss({ logits: logits as tf.Variable<tf.Rank.R3>, labels: [[3, 1, 1]] })) as tf.Scalar);
    }
    const best = (tf.argMax(logits, 2).arraySync() as number[][])[0]!;
    expect(collapse(best, 0)).toEqual([3, 1, 1]);
  });
});
