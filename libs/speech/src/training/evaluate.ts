import * as tf from '@tensorflow/tfjs';
import { ctcWords, greedyCtcDecode } from '@dl-suite/ml-ctc';
import type { Utterance } from '../data/recording';
import type { Framing } from '../model/speech-model';
import { transcriptDigits, VOCABULARY } from '../vocabulary';
import { makeBatch } from './batch';
import { scoreDigitStrings, type DigitScores } from './digit-errors';

export interface Transcription {
  reference: number[];
  hypothesis: number[];
  text: string;
}

/**
 * Greedy CTC transcript of one utterance's logits, decoded as the served model is: tokens →
 * words at the delimiter → digits (a word that is not a digit word, e.g. two digit tokens without
 * a delimiter between them, is an error).
 */
export function transcribeLogits(data: Float32Array, frames: number): string {
  const tokens = greedyCtcDecode({ data, frames, vocab: VOCABULARY.length });
  return ctcWords(tokens, { vocabulary: VOCABULARY, secondsPerFrame: 1 }).map((w) => w.word).join(' ');
}

/** One utterance's logits, its padding cut off: `frames × vocab` scores. */
export interface UtteranceLogits {
  data: Float32Array;
  frames: number;
}

/** Runs the model over utterances (in length-sorted batches, to pad little); logits in the utterances' order. */
export function predictLogits(model: tf.LayersModel, utterances: readonly Utterance[], framing: Framing, batchSize = 16): UtteranceLogits[] {
  const order = utterances.map((_, i) => i).sort((a, b) => utterances[a]!.samples.length - utterances[b]!.samples.length);
  const results = new Array<UtteranceLogits>(utterances.length);
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    const batch = makeBatch(indices.map((i) => utterances[i]!), framing);
    const logits = tf.tidy(() => model.predict(batch.samples) as tf.Tensor3D);
    const [, frames, vocab] = logits.shape;
    const values = logits.dataSync() as Float32Array;
    tf.dispose([logits, batch.samples]);
    indices.forEach((utterance, row) => {
      results[utterance] = { data: values.slice(row * frames * vocab, (row * frames + batch.frames[row]!) * vocab), frames: batch.frames[row]! };
    });
  }
  return results;
}

/** Runs the model over utterances and decodes each. */
export function transcribe(model: tf.LayersModel, utterances: readonly Utterance[], framing: Framing): Transcription[] {
  return predictLogits(model, utterances, framing).map(({ data, frames }, i) => {
    const text = transcribeLogits(data, frames);
    return { reference: utterances[i]!.digits, hypothesis: transcriptDigits(text), text };
  });
}

export function evaluateDigits(model: tf.LayersModel, utterances: readonly Utterance[], framing: Framing): DigitScores {
  return scoreDigitStrings(transcribe(model, utterances, framing));
}
