import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { env } from '@huggingface/transformers';
import { exportLayersModel } from '@dl-suite/onnx-export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFolderError } from './errors';
import { loadHfTokenizer, loadTextClassifier } from './hf-pipelines';
import { OnnxModel } from './onnx-model';
import { writeModelFolder } from './write-model-folder';

// A hand-written BERT-style tokenizer: enough to drive the pipeline without the text lib.
const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'good', 'bad', 'movie', 'not', 'the', 'great', '##ly', '.', '!'];
const MAX_LENGTH = 8;
const special = (content: string) => ({
  id: VOCAB.indexOf(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
});
const tokenizerJson = {
  version: '1.0',
  added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map(special),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
    pair: [],
    special_tokens: {},
  },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100,
    vocab: Object.fromEntries(VOCAB.map((t, i) => [t, i])) },
};
// BertTokenizer returns token_type_ids; the pipeline must drop them for a graph without that input.
const tokenizerConfig = { tokenizer_class: 'BertTokenizer', model_max_length: MAX_LENGTH, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]', mask_token: '[MASK]' };
const config = { model_type: 'bert', architectures: ['BertForSequenceClassification'], id2label: { 0: 'negative', 1: 'positive' }, label2id: { negative: 0, positive: 1 } };

/** Embedding → Dense relu → masked max over steps (exact, since relu ≥ 0 = masked value) → Dense(2) logits. */
function tinyClassifier(): Uint8Array {
  const ids = tf.input({ shape: [null], dtype: 'int32', name: 'input_ids' });
  const mask = tf.input({ shape: [null], dtype: 'int32', name: 'attention_mask' });
  const keep = tf.layers.embedding({ inputDim: 2, outputDim: 1, trainable: false, weights: [tf.tensor2d([[0], [1]])] }).apply(mask);
  const embedded = tf.layers.embedding({ inputDim: VOCAB.length, outputDim: 4, embeddingsInitializer: tf.initializers.randomNormal({ seed: 7 }) }).apply(ids);
  const features = tf.layers.dense({ units: 6, activation: 'relu', kernelInitializer: tf.initializers.glorotNormal({ seed: 9 }) }).apply(embedded);
  const pooled = tf.layers.globalMaxPooling1d().apply(tf.layers.multiply().apply([features, keep] as tf.SymbolicTensor[]));
  const logits = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotNormal({ seed: 8 }) }).apply(pooled);
  const model = tf.model({ inputs: [ids, mask], outputs: logits as tf.SymbolicTensor });
  return exportLayersModel(model, { outputNames: ['logits'] });
}

const TEXTS = ['Good movie!', 'the movie, not great.', 'BAD', 'greatly good good good good good good good good', 'ünknown wörds 😀 映画'];

let root: string;
let folder: string;
let onnx: Uint8Array;
const fetched: string[] = [];
const realFetch = env.fetch;

beforeAll(async () => {
  await tf.setBackend('cpu');
  // Any network access by transformers.js would go through env.fetch: record and refuse it.
  env.fetch = async (input: string | URL) => {
    fetched.push(String(input));
    throw new Error('network disabled in tests');
  };
  root = await mkdtemp(join(tmpdir(), 'hf-pipelines-'));
  folder = join(root, 'tiny-sentiment');
  onnx = tinyClassifier();
  await writeModelFolder(folder, {
    manifest: {
      name: 'tiny', version: '0.0.1', task: 'text-classification', created: new Date().toISOString(), labels: ['negative', 'positive'],
      inputs: [], outputs: [], framework: { trainedWith: 'tfjs', exportedWith: '@dl-suite/onnx-export', opset: 17 },
      hyperparameters: {}, data: { description: 'none', fingerprint: '0'.repeat(64) }, metrics: {},
    },
    files: {
      'onnx/model.onnx': onnx,
      'config.json': JSON.stringify(config),
      'tokenizer.json': JSON.stringify(tokenizerJson),
      'tokenizer_config.json': JSON.stringify(tokenizerConfig),
    },
  });
});

afterAll(async () => {
  env.fetch = realFetch;
  await rm(root, { recursive: true, force: true });
});

const softmax = (row: number[]) => {
  const max = Math.max(...row);
  const exps = row.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
};

describe('loadTextClassifier (transformers.js text-classification pipeline)', () => {
  it('matches a direct onnxruntime run of the same graph on the same ids, with no network', async () => {
    const classifier = await loadTextClassifier(folder, { intraOpThreads: 1 });
    const tokenizer = await loadHfTokenizer(folder);
    const direct = await OnnxModel.fromBytes(onnx, { warmup: false });
    const { inputIds, attentionMask } = tokenizer.encodeBatch(TEXTS);
    const dims = [TEXTS.length, inputIds[0]!.length];
    const flat = (rows: number[][]) => BigInt64Array.from(rows.flat(), BigInt);
    const { logits } = await direct.run({ input_ids: { data: flat(inputIds), dims }, attention_mask: { data: flat(attentionMask), dims } });
    const expected = TEXTS.map((_, i) => softmax([...(logits!.data as Float32Array).slice(2 * i, 2 * i + 2)]));

    const batched = await classifier.classify(TEXTS);
    batched.forEach((got, i) => {
      const best = expected[i]![1]! > expected[i]![0]! ? 1 : 0;
      expect(got.label).toBe(classifier.labels[best]);
      expect(Math.abs(got.score - expected[i]![best]!)).toBeLessThanOrEqual(1e-6);
    });
    // Masking makes a text's score independent of what it was batched with.
    for (const [i, text] of TEXTS.entries()) {
      const [alone] = await classifier.classify([text]);
      expect(Math.abs(alone!.score - batched[i]!.score)).toBeLessThanOrEqual(1e-6);
    }
    expect(fetched).toEqual([]);
    await direct.dispose();
    await classifier.dispose();
  });

  it('reports labels, max length, token counts and truncation', async () => {
    const classifier = await loadTextClassifier(folder, { intraOpThreads: 1 });
    expect(classifier.source).toBe(folder);
    expect(classifier.manifest?.name).toBe('tiny');
    expect(classifier.labels).toEqual(['negative', 'positive']);
    expect(classifier.maxLength).toBe(MAX_LENGTH);
    expect(classifier.tokenCount('good movie')).toBe(4);
    const [short, long] = await classifier.classify(['good movie', TEXTS[3]!]);
    expect(short!.truncated).toBe(false);
    expect(long!.truncated).toBe(true);
    expect(await classifier.classify([])).toEqual([]);
    await classifier.dispose();
  });

  it('returns the whole softmax per text in label order, agreeing with classify', async () => {
    const classifier = await loadTextClassifier(folder, { intraOpThreads: 1 });
    const [rows, best] = await Promise.all([classifier.probabilities(TEXTS), classifier.classify(TEXTS)]);
    rows.forEach((row, i) => {
      expect(row[0]! + row[1]!).toBeCloseTo(1, 6);
      const top = row[0]! >= row[1]! ? 0 : 1;
      expect(best[i]!.label).toBe(classifier.labels[top]);
      expect(best[i]!.score).toBeCloseTo(row[top]!, 6);
    });
    await classifier.dispose();
  });

  it('refuses a hub id unless remote models are allowed, without touching the network', async () => {
    await expect(loadTextClassifier('Xenova/distilbert-base-uncased-finetuned-sst-2-english')).rejects.toThrow(
      /not a local folder, and remote models are disabled/,
    );
    await expect(loadTextClassifier('no such/model id', { allowRemote: true })).rejects.toThrow(/neither a local folder nor/);
    expect(fetched).toEqual([]);
  });

  it('verifies the manifest before loading: a tampered file is refused', async () => {
    const copy = join(root, 'tampered');
    await writeModelFolder(copy, {
      manifest: { name: 't', version: '1', task: 'text-classification', created: new Date().toISOString(), labels: [], inputs: [], outputs: [],
        framework: { trainedWith: 'tfjs', exportedWith: 'x', opset: 17 }, hyperparameters: {}, data: { description: '', fingerprint: '0'.repeat(64) }, metrics: {} },
      files: { 'onnx/model.onnx': onnx, 'config.json': JSON.stringify(config), 'tokenizer.json': JSON.stringify(tokenizerJson), 'tokenizer_config.json': JSON.stringify(tokenizerConfig) },
    });
    await writeFile(join(copy, 'config.json'), JSON.stringify({ ...config, id2label: { 0: 'positive', 1: 'negative' } }));
    await expect(loadTextClassifier(copy)).rejects.toThrow(ModelFolderError);
  });
});
