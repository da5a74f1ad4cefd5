import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHfTokenizer, loadModelFolder } from '@dl-suite/ml-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelledTsv, type LabelledTexts } from './data/labelled-tsv';
import { MODEL_CARD_FILE, saveSentimentModel, type SavedSentimentModel } from './export/save-sentiment-model';
import { hasSst2, SST2_DEV, SST2_TRAIN } from './testing/sst2';
import { trainSentimentModel, type TrainedSentimentModel } from './training/train-sentiment-model';

/** A few thousand SST-2 phrases and 200 dev sentences: enough to learn something in seconds. */
const TRAIN_ROWS = 6000;
const DEV_ROWS = 200;
// 'unwatchable' never occurs in the training slice: it joins the vocabulary as a frequent vector word.
const VECTOR_WORDS = ['the', 'film', 'good', 'bad', 'funny', 'boring', 'unwatchable', 'masterpiece'];

describe.skipIf(!hasSst2)('trainSentimentModel → saveSentimentModel → served folder (SST-2 slice)', () => {
  let dir: string;
  let trainFile: string;
  let dev: LabelledTexts;
  let trained: TrainedSentimentModel;
  let saved: SavedSentimentModel;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentiment-'));
    trainFile = join(dir, 'train.tsv');
    const devFile = join(dir, 'dev.tsv');
    const head = async (file: string, rows: number) => (await readFile(file, 'utf8')).split('\n').slice(0, rows + 1).join('\n');
    await writeFile(trainFile, await head(SST2_TRAIN, TRAIN_ROWS));
    await writeFile(devFile, await head(SST2_DEV, DEV_ROWS));
    dev = await readLabelledTsv(devFile);
    // A few made-up 32-d "pretrained" vectors stand in for GloVe (tests never read the 307 MB file).
    const vectorsFile = join(dir, 'vectors.txt');
    const vector = (seed: number) => Array.from({ length: 32 }, (_, i) => Math.sin(seed * 7 + i).toFixed(4)).join(' ');
    await writeFile(vectorsFile, VECTOR_WORDS.map((word, i) => `${word} ${vector(i + 1)}`).join('\n'));
    // Short vectors and a 3× learning rate: ~280 steps on 6,000 phrases must get well above chance.
    trained = await trainSentimentModel({
      trainFile,
      devFile,
      wordVectors: vectorsFile,
      backend: 'wasm',
      recipe: { vocabSize: 2000, maxLength: 40, embeddingDim: 32, vectorNorm: 0.2, kernelSizes: [2, 3], filters: 16, embeddingDropout: 0.2, members: 2, epochs: 3, learningRate: 3e-3, seed: 11 },
    });
    saved = await saveSentimentModel(join(dir, 'model'), trained, { name: 'sentiment-test', version: '0.0.1', evaluate: { dev } });
  }, 120_000);
  afterAll(async () => {
    trained?.model.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('learns: training loss falls every epoch and dev accuracy is well above chance', () => {
    for (const member of trained.members) {
      const losses = member.history.map((r) => r.metrics['loss'] as number);
      losses.slice(1).forEach((loss, i) => expect(loss).toBeLessThan(losses[i] as number));
    }
    expect(trained.metrics.memberDevAccuracy.every((a) => a > 0.6)).toBe(true);
    expect(trained.metrics.devAccuracy).toBeGreaterThan(0.6);
  });

  it('starts whole words with a vector from it and adds them to the served vocabulary', () => {
    expect(trained.wordVectors).toMatchObject({ dimensions: 32, pretrainedTokens: VECTOR_WORDS.length });
    expect(trained.tokenizer.tokenize('unwatchable masterpiece')).toEqual(['unwatchable', 'masterpiece']);
  });

  it('reports data fingerprints, rows and timing', async () => {
    const sha256 = createHash('sha256').update(await readFile(trainFile)).digest('hex');
    expect(trained.data.train).toMatchObject({ rows: TRAIN_ROWS, sha256 });
    expect(trained.data.dev.rows).toBe(DEV_ROWS);
    expect(trained.timing.wallSeconds).toBeGreaterThan(0);
    expect(trained.timing.cpuSeconds).toBeGreaterThan(0);
  });

  it('writes a verified HF folder whose served dev metrics match the tfjs model', async () => {
    const { manifest } = await loadModelFolder(join(dir, 'model'));
    expect(Object.keys(manifest.files).sort()).toEqual([MODEL_CARD_FILE, 'config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(manifest.data.fingerprint).toBe(trained.data.train.sha256);
    const served = saved.evaluations['dev'];
    expect(served?.rows).toBe(DEV_ROWS);
    // The pipeline pads and tokenizes on its own; only float rounding may flip a text on the boundary.
    expect(Math.abs((served?.accuracy ?? 0) - trained.metrics.devAccuracy)).toBeLessThanOrEqual(1 / DEV_ROWS);
    expect(served?.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(DEV_ROWS);
    expect(served?.rocAuc).toBeGreaterThan(0.65);
    expect(manifest.metrics['dev']).toMatchObject({ accuracy: served?.accuracy, f1: served?.f1 });
    const card = await readFile(join(dir, 'model', MODEL_CARD_FILE), 'utf8');
    expect(card).toContain(`${(100 * (served?.accuracy ?? 0)).toFixed(1)}%`);
  });

  it('serves the ids the model was trained on: our tokenizer = transformers.js AutoTokenizer', async () => {
    const hf = await loadHfTokenizer(join(dir, 'model'));
    const typed = ["It doesn't work, and it's NOT funny!", 'A gorgeous, witty, seductive movie.', 'ça ne marche pas 😀', 'An unwatchable masterpiece, unwatchably so'];
    for (const text of [...dev.texts, ...typed]) expect(hf.encode(text)).toEqual(trained.tokenizer.encode(text, 10_000).ids);
    // The PTB-style training text and what users type meet in the same ids.
    expect(hf.encode("doesn't")).toEqual(hf.encode("does n't"));
  });
});
