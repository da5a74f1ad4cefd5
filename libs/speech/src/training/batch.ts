import * as tf from '@tensorflow/tfjs';
import type { Utterance } from '../data/recording';
import { outputFrames, type Framing } from '../model/speech-model';
import { digitLabels } from '../vocabulary';

export interface Batch {
  /** `[batch, longest]` samples, zero-padded at the end. */
  samples: tf.Tensor2D;
  /** Logit frames each utterance really has (the rest comes from padding). */
  frames: number[];
  labels: number[][];
}

/** Pads utterances into one input tensor and lists their CTC targets and valid frame counts. */
export function makeBatch(utterances: readonly Utterance[], framing: Framing): Batch {
  const longest = Math.max(...utterances.map((u) => u.samples.length));
  const data = new Float32Array(utterances.length * longest);
  utterances.forEach((u, i) => data.set(u.samples, i * longest));
  return {
    samples: tf.tensor2d(data, [utterances.length, longest]),
    frames: utterances.map((u) => outputFrames(u.samples.length, framing)),
    labels: utterances.map((u) => digitLabels(u.digits)),
  };
}
