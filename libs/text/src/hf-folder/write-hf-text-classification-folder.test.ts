import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModelFolder, loadTextClassifier, OnnxModel } from '@dl-suite/ml-runtime';
import { exportLayersModel } from '@dl-suite/onnx-export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../test-support/hostile-texts';
import { sst2Sentences } from '../test-support/sst2';
import { buildTinyTextCnn } from '../test-support/tiny-text-cnn';
import { trainWordPiece } from '../tokenizer/train-wordpiece';
import type { WordPieceTokenizer } from '../tokenizer/wordpiece-tokenizer';
import { writeHfTextClassificationFolder, type HfManifestFields } from './write-hf-text-classification-folder';

const LABELS = ['negative', 'positive'];
const MAX_LENGTH = 48;
const manifest: HfManifestFields = {
  name: 'tiny-sentiment',
  version: '0.0.1',
  created: new Date().toISOString(),
  framework: { trainedWith: '@tensorflow/tfjs 4.22.0', exportedWith: '@dl-suite/onnx-export', opset: 17 },
  hyperparameters: {},
  data: { description: 'untrained fixture', fingerprint: '0'.repeat(64) },
  metrics: {},
};
const texts = [...sst2Sentences('dev').slice(0, 120), ...HOSTILE_TEXTS];

let root: string;
let tokenizer: WordPieceTokenizer;
let model: tf.LayersModel;
let onnx: Uint8Array;

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'hf-text-folder-'));
  tokenizer = trainWordPiece(sst2Sentences('train'), { vocabSize: 4000, modelMaxLength: 128 });
  model = buildTinyTextCnn(tokenizer.vocabSize);
  centreLogits(model, texts);
  onnx = exportLayersModel(model, { outputNames: ['logits'] });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * Shifts the untrained model's logit bias so the median text sits on the decision boundary: both
 * labels then occur (exercising id2label order) without training, which tfjs's CPU Embedding
 * gradient makes slow (see README).
 */
function centreLogits(m: tf.LayersModel, sample: readonly string[]): void {
  const batch = tokenizer.encodeBatch(sample);
  const shape: [number, number] = [batch.batchSize, batch.sequenceLength];
  const logits = tf.tidy(() =>
    (m.predict([tf.tensor2d(batch.inputIds, shape, 'int32'), tf.tensor2d(batch.attentionMask, shape, 'int32')]) as tf.Tensor).arraySync(),
  ) as number[][];
  const margins = logits.map(([a = 0, b = 0]) => b - a).sort((x, y) => x - y);
  const head = m.layers[m.layers.length - 1]!;
  const [kernel, bias] = head.getWeights();
  const shifted = tf.add(bias!, tf.tensor1d([0, -(margins[Math.floor(margins.length / 2)] ?? 0)]));
  head.setWeights([kernel!, shifted]);
}

const softmax = (a: number, b: number): [number, number] => {
  const m = Math.max(a, b);
  const [ea, eb] = [Math.exp(a - m), Math.exp(b - m)];
  return [ea / (ea + eb), eb / (ea + eb)];
};

describe('writeHfTextClassificationFolder → transformers.js text-classification pipeline', () => {
  it('serves the exported tfjs model with the same results as onnxruntime and tfjs on our encodings', async () => {
    const dir = join(root, 'served');
    const written = await writeHfTextClassificationFolder(dir, { onnx, tokenizer, labels: LABELS, maxLength: MAX_LENGTH, manifest });
    expect(Object.keys(written.files).sort()).toEqual(['config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(written.inputs.map((i) => `${i.name}:${i.dtype}`)).toEqual(['input_ids:int64', 'attention_mask:int64']);
    await loadModelFolder(dir); // every file's sha256 checks out

    const classifier = await loadTextClassifier(dir, { intraOpThreads: 1 });
    expect(classifier.labels).toEqual(LABELS);
    expect(classifier.maxLength).toBe(MAX_LENGTH);
    // The pipeline in service-sized batches; the references in one batch (masking makes that irrelevant).
    const served = [];
    for (let i = 0; i < texts.length; i += 32) served.push(...(await classifier.classify(texts.slice(i, i + 32))));

    const batch = tokenizer.encodeBatch(texts, { maxLength: MAX_LENGTH });
    const dims = [batch.batchSize, batch.sequenceLength];
    const direct = await OnnxModel.load(dir, { intraOpThreads: 1 });
    const { logits } = await direct.run({
      input_ids: { data: BigInt64Array.from(batch.inputIds, BigInt), dims },
      attention_mask: { data: BigInt64Array.from(batch.attentionMask, BigInt), dims },
    });
    const ortLogits = logits!.data as Float32Array;
    const tfLogits = tf.tidy(() =>
      (model.predict([tf.tensor2d(batch.inputIds, dims as [number, number], 'int32'), tf.tensor2d(batch.attentionMask, dims as [number, number], 'int32')]) as tf.Tensor).dataSync(),
    );

    let pipelineVsOrt = 0;
    let ortVsTfjs = 0;
    served.forEach((got, i) => {
      const probs = softmax(ortLogits[2 * i]!, ortLogits[2 * i + 1]!);
      const best = probs[1] > probs[0] ? 1 : 0;
      expect(got.label).toBe(LABELS[best]);
      expect(got.truncated).toBe(batch.truncated[i]);
      pipelineVsOrt = Math.max(pipelineVsOrt, Math.abs(got.score - probs[best]));
      ortVsTfjs = Math.max(ortVsTfjs, Math.abs(ortLogits[2 * i]! - tfLogits[2 * i]!), Math.abs(ortLogits[2 * i + 1]! - tfLogits[2 * i + 1]!));
    });
    expect(pipelineVsOrt).toBeLessThanOrEqual(1e-6);
    expect(ortVsTfjs).toBeLessThanOrEqual(1e-4);
    expect(new Set(served.map((s) => s.label)).size).toBe(2); // both labels occur, so id2label order is exercised
    expect(served.some((s) => s.truncated)).toBe(true);
    await direct.dispose();
    await classifier.dispose();
  });

  it('refuses a graph that does not fit the pipeline, before writing anything', async () => {
    const dir = join(root, 'refused');
    await expect(
      writeHfTextClassificationFolder(dir, { onnx, tokenizer, labels: ['a', 'b', 'c'], manifest }),
    ).rejects.toThrow(/'logits' should be \[batch, 3\] for 3 labels, got \[1, 2\]/);
    const renamed = exportLayersModel(model, { inputNames: ['ids', 'mask'], outputNames: ['logits'] });
    await expect(writeHfTextClassificationFolder(dir, { onnx: renamed, tokenizer, labels: LABELS, manifest })).rejects.toThrow(
      /must have inputs \[input_ids, attention_mask\].*it has inputs \[ids, mask\]/,
    );
    await expect(writeHfTextClassificationFolder(dir, { onnx, tokenizer, labels: ['x', 'x'], manifest })).rejects.toThrow(/distinct/);
    await expect(loadModelFolder(dir)).rejects.toThrow();
  });
});
