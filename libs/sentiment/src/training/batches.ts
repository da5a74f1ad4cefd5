import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@dl-suite/ml-training';
import type { WordPieceTokenizer } from '@dl-suite/text';

/** Token ids per text ([CLS] … [SEP], truncated as the served tokenizer truncates) and 0/1 labels. */
export interface EncodedTexts {
  ids: Int32Array[];
  labels: Uint8Array;
}

export interface TextBatch {
  /** [inputIds, attentionMask], both int32 [rows, longest text of the batch]. */
  x: [tf.Tensor2D, tf.Tensor2D];
  /** One-hot labels [rows, 2]. */
  y: tf.Tensor2D;
}

export function encodeTexts(tokenizer: WordPieceTokenizer, texts: readonly string[], labels: Uint8Array, maxLength: number): EncodedTexts {
  return { ids: texts.map((text) => Int32Array.from(tokenizer.encode(text, maxLength).ids)), labels };
}

/** How many batches of `batchSize` texts are sorted by length together (see `lengthBucketedBatches`). */
const BUCKET_BATCHES = 50;

/**
 * Splits `rows` (already shuffled) into batches of texts of similar length: windows of
 * 50 batches are sorted by length and cut, and the batch order is shuffled again. SST-2's
 * training phrases run from 3 to ~70 ids, so padding every batch to the longest text of a
 * random batch would roughly triple the convolution work; windows keep the batches random.
 */
export function lengthBucketedBatches(rows: ArrayLike<number>, lengths: ArrayLike<number>, batchSize: number, rng: Rng): number[][] {
  const batches: number[][] = [];
  const window = batchSize * BUCKET_BATCHES;
  for (let start = 0; start < rows.length; start += window) {
    const bucket = Array.from({ length: Math.min(window, rows.length - start) }, (_, i) => rows[start + i] as number);
    bucket.sort((a, b) => (lengths[a] as number) - (lengths[b] as number));
    for (let at = 0; at < bucket.length; at += batchSize) batches.push(bucket.slice(at, at + batchSize));
  }
  return rng.shuffle(batches);
}

/** Batches in order of length, for evaluation (any order gives the same logits: the model is mask-aware). */
export function batchesByLength(lengths: ArrayLike<number>, batchSize: number): number[][] {
  const order = Array.from({ length: lengths.length }, (_, i) => i).sort((a, b) => (lengths[a] as number) - (lengths[b] as number));
  const batches: number[][] = [];
  for (let at = 0; at < order.length; at += batchSize) batches.push(order.slice(at, at + batchSize));
  return batches;
}

/** Right-padded ids and mask for `rows`, padded to the longest of them. */
export function batchTensors(data: EncodedTexts, rows: readonly number[]): TextBatch {
  const width = rows.reduce((w, r) => Math.max(w, (data.ids[r] as Int32Array).length), 1);
  const ids = new Int32Array(rows.length * width);
  const mask = new Int32Array(rows.length * width);
  const labels = new Float32Array(rows.length * 2);
  rows.forEach((r, i) => {
    const row = data.ids[r] as Int32Array;
    ids.set(row, i * width);
    mask.fill(1, i * width, i * width + row.length);
    labels[i * 2 + (data.labels[r] as number)] = 1;
  });
  return {
    x: [tf.tensor2d(ids, [rows.length, width], 'int32'), tf.tensor2d(mask, [rows.length, width], 'int32')],
    y: tf.tensor2d(labels, [rows.length, 2]),
  };
}
