import * as tf from '@tensorflow/tfjs';
import { transcriptDigits } from '../vocabulary';
import { scoreDigitStrings } from './digit-errors';
import { transcribeLogits, type UtteranceLogits } from './evaluate';

/** Blank-logit offsets tried on the validation set: −1 to +3 in steps of 0.25. */
export const BLANK_BIAS_GRID: readonly number[] = Array.from({ length: 17 }, (_, i) => -1 + i * 0.25);

export interface BlankBiasChoice {
  /** Added to the CTC blank's logit before decoding. */
  bias: number;
  /** Validation digit error rate at each bias tried. */
  tried: { bias: number; digitErrorRate: number }[];
}

/** `logits` with `bias` added to the blank's (index 0) score in every frame. */
export function withBlankBias({ data, frames }: UtteranceLogits, bias: number): UtteranceLogits {
  const shifted = data.slice();
  const vocab = data.length / frames;
  for (let t = 0; t < frames; t++) shifted[t * vocab]! += bias;
  return { data: shifted, frames };
}

/**
 * The blank-logit offset whose greedy transcripts of `logits` have the fewest digit errors
 * against `references` (ties: the offset nearest 0). A CTC model's blank prior is learnt from
 * its training voices; on a new voice, a weak word spike in a pause becomes an inserted digit,
 * and raising the blank's score removes those spikes before it removes real words.
 */
export function chooseBlankBias(logits: readonly UtteranceLogits[], references: readonly (readonly number[])[], grid: readonly number[] = BLANK_BIAS_GRID): BlankBiasChoice {
  const tried = grid.map((bias) => ({
    bias,
    digitErrorRate: scoreDigitStrings(
      logits.map((utterance, i) => ({ reference: references[i]!, hypothesis: transcriptDigits(transcribeLogits(withBlankBias(utterance, bias).data, utterance.frames)) })),
    ).digitErrorRate,
  }));
  const best = tried.reduce((a, b) => (b.digitErrorRate < a.digitErrorRate || (b.digitErrorRate === a.digitErrorRate && Math.abs(b.bias) < Math.abs(a.bias)) ? b : a));
  return { bias: best.bias, tried };
}

/**
 * Adds `bias` to the blank's bias in the model's final Dense layer (named `logits`), so the
 * exported graph decodes with it and serving needs nothing new. Under the warp ensemble's
 * log-softmax and average the blank still gains exactly `bias` over every other unit per frame.
 */
export function addBlankBias(model: tf.LayersModel, bias: number): void {
  const dense = model.getLayer('logits');
  const [kernel, current] = dense.getWeights();
  if (!kernel || !current) throw new Error("addBlankBias: the 'logits' layer has no bias");
  const values = current.dataSync().slice();
  values[0]! += bias;
  const shifted = tf.tensor(values, current.shape);
  dense.setWeights([kernel, shifted]);
  shifted.dispose();
}
