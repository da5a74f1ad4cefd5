import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainedFixture } from '../test-support/trained-fixture';
import { VOCABULARY } from '../vocabulary';
import { addBlankBias, BLANK_BIAS_GRID, chooseBlankBias, withBlankBias } from './blank-bias';

const V = VOCABULARY.length;
/** Frames of logits where each frame is all zeros except `score` for the unit of `digit` (blank: null). */
function logits(frames: readonly [digit: number | null, score: number][]) {
  const data = new Float32Array(frames.length * V);
  frames.forEach(([digit, score], t) => {
    data[t * V] = digit === null ? score : 0;
    if (digit !== null) data[t * V + 2 + digit] = score;
  });
  return { data, frames: frames.length };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('blank bias', () => {
  it('adds the offset to the blank score of every frame and nothing else', () => {
    const plain = logits([[3, 5], [null, 2]]);
    const shifted = withBlankBias(plain, 1.5);
    expect(Array.from(shifted.data)).toEqual(Array.from(plain.data).map((v, i) => (i % V === 0 ? v + 1.5 : v)));
  });

  it('chooses the smallest offset that removes a weak spike in a pause, before it removes real words', () => {
    // "three seven" with a weak "five" in the pause: blank 0 beats it from an offset of 0.75 up
    // (grid step 0.25), the strong words vanish only above 5.
    const inserted = logits([[3, 5], [null, 2], [5, 0.6], [null, 2], [7, 5]]);
    const clean = logits([[1, 5], [null, 2], [2, 5]]);
    const choice = chooseBlankBias([inserted, clean], [[3, 7], [1, 2]]);
    expect(choice.bias).toBe(0.75);
    expect(choice.tried.map((t) => t.bias)).toEqual(BLANK_BIAS_GRID);
    expect(choice.tried.find((t) => t.bias === 0)?.digitErrorRate).toBe(0.25);
    expect(choice.tried.find((t) => t.bias === 0.75)?.digitErrorRate).toBe(0);
  });

  it('keeps offset 0 when no offset decodes better', () => {
    const clean = logits([[1, 5], [null, 2], [2, 5]]);
    expect(chooseBlankBias([clean], [[1, 2]]).bias).toBe(0);
  });

  it("raises the served warp ensemble's blank score by exactly the offset relative to every other unit", () => {
    const { model } = trainedFixture();
    const samples = tf.randomNormal([1, 8000], 0, 0.1, 'float32', 3);
    const before = (model.predict(samples) as tf.Tensor3D).arraySync()[0]!;
    addBlankBias(model, 1.25);
    const after = (model.predict(samples) as tf.Tensor3D).arraySync()[0]!;
    for (const [t, frame] of after.entries()) {
      for (let unit = 1; unit < V; unit++) {
        expect(frame[0]! - frame[unit]! - (before[t]![0]! - before[t]![unit]!)).toBeCloseTo(1.25, 4);
      }
    }
    samples.dispose();
    model.dispose();
  });
});
