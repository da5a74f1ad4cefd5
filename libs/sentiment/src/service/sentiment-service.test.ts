import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTextClassifier, type TextClassifier } from '@dl-suite/ml-runtime';
import { createLogger, startService, type RunningService } from '@dl-suite/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSentimentModel } from '../export/save-sentiment-model';
import { SST2_DEV, SST2_TRAIN } from '../testing/sst2';
import { trainSentimentModel } from '../training/train-sentiment-model';
import { createSentimentService } from './sentiment-service';
import { splitWords } from './word-occlusion';

let dir: string;
let classifier: TextClassifier;
let running: RunningService;

beforeAll(async () => {
  // A small CNN trained in seconds on the first 6,000 SST-2 phrases: real behaviour, not a stub.
  dir = await mkdtemp(join(tmpdir(), 'sentiment-service-'));
  const head = async (file: string, rows: number) => (await readFile(file, 'utf8')).split('\n').slice(0, rows + 1).join('\n');
  await writeFile(join(dir, 'train.tsv'), await head(SST2_TRAIN, 6000));
  await writeFile(join(dir, 'dev.tsv'), await head(SST2_DEV, 200));
  const trained = await trainSentimentModel({
    trainFile: join(dir, 'train.tsv'),
    devFile: join(dir, 'dev.tsv'),
    // Random embeddings: these tests need some trained model, not the 307 MB GloVe file.
    wordVectors: null,
    recipe: { vocabSize: 2000, maxLength: 40, embeddingDim: 32, kernelSizes: [2, 3], filters: 16, embeddingDropout: 0.2, members: 1, epochs: 3, seed: 11 },
  });
  await saveSentimentModel(join(dir, 'model'), trained, { name: 'tiny-sentiment', version: '0.0.1' });
  trained.model.dispose();
  classifier = await loadTextClassifier(join(dir, 'model'), { intraOpThreads: 1 });
  const service = createSentimentService({
    classifier,
    logger: createLogger({ name: 'sentiment', level: 'silent' }),
    maxTextsPerRequest: 256,
    maxTextChars: 10_000,
    bodyLimitBytes: 2 * 2 ** 20,
    batching: { maxBatchSize: 64, maxDelayMs: 1, maxQueue: 1024, timeoutMs: 10_000, concurrency: 1 },
  });
  running = await startService(service, { port: 0, handleSignals: false, shutdownTimeoutMs: 2_000 });
}, 180_000);

afterAll(async () => {
  await running?.close();
  await classifier?.dispose();
  await rm(dir, { recursive: true, force: true });
});

const predict = (body: unknown, query = '') =>
  fetch(`${running.url}/v1/predict${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body instanceof Uint8Array || typeof body === 'string' ? body : JSON.stringify(body),
  });

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body: any = await response.json();
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body.error.message;
}

describe('POST /v1/predict', () => {
  it('classifies obvious sentences the way a reader would', async () => {
    const positive: any = await (await predict({ text: 'a wonderful , moving and beautifully acted film' })).json();
    const negative: any = await (await predict({ text: 'a dull , boring and painfully bad mess' })).json();
    expect(positive).toMatchObject({ label: 'positive', truncated: false, model: 'tiny-sentiment@0.0.1' });
    expect(negative.label).toBe('negative');
    expect(positive.score).toBeGreaterThan(0.5);
  });

  it('answers a batch in order, the same as one text at a time, and flags truncation', async () => {
    const texts = ['great fun', 'awful', 'the plot is thin but the actors are superb', `${'long '.repeat(200)}ending`];
    const batch: any = await (await predict({ texts })).json();
    expect(batch.predictions).toHaveLength(4);
    for (const [i, text] of texts.entries()) {
      const single: any = await (await predict({ text })).json();
      expect(batch.predictions[i].score).toBeCloseTo(single.score, 5);
    }
    expect(batch.predictions.map((p: any) => p.truncated)).toEqual([false, false, false, true]);
  });

  it('explains with per-word contributions whose offsets point into the text', async () => {
    const text = 'a wonderful film , but the ending is dreadful';
    const body: any = await (await predict({ text }, '?explain=true')).json();
    const tokens = body.explanation.tokens;
    expect(body.explanation.method).toBe('occlusion');
    expect(tokens.map((t: any) => t.token)).toEqual(splitWords(text).map((w) => w.token));
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.token);
    const byWord = Object.fromEntries(tokens.map((t: any) => [t.token, t.contribution]));
    // The words that carry the sentiment move the score most, in opposite directions.
    const [best] = [...tokens].sort((a: any, b: any) => Math.abs(b.contribution) - Math.abs(a.contribution));
    expect(['wonderful', 'dreadful']).toContain(best.token);
    expect(Math.sign(byWord['wonderful'])).not.toBe(Math.sign(byWord['dreadful']));
  });

  it('handles emoji, non-Latin scripts and HTML as text, returned as data', async () => {
    for (const text of ['😀 loved it 🎬', '映画はとても良かった', 'фильм отличный', '<script>alert(1)</script> great movie']) {
      const response = await predict({ text }, '?explain=true');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const body: any = await response.json();
      expect(['negative', 'positive']).toContain(body.label);
      for (const t of body.explanation.tokens) expect(text.slice(t.start, t.end)).toBe(t.token);
    }
  });

  it.each([
    ['an empty text', { text: '' }, 'text: must not be empty or whitespace only'],
    ['a whitespace-only text', { text: ' \n\t ' }, 'text: must not be empty or whitespace only'],
    ['a non-string text', { text: 42 }, 'text: expected string, received number'],
    ['an empty batch', { texts: [] }, 'texts: must hold at least one text'],
    ['a bad item in a batch', { texts: ['fine', ' '] }, 'texts[1]: must not be empty or whitespace only'],
  ])('400 for %s, naming the field', async (_what, body, message) => {
    expect(await expectError(await predict(body), 400, 'invalid_request')).toBe(message);
  });

  it('413 for 10,000 texts in one batch and for a text over the character limit', async () => {
    expect(await expectError(await predict({ texts: Array.from({ length: 10_000 }, () => 'ok') }), 413, 'too_many_texts')).toBe(
      'texts holds 10000 items; the limit is 256 per request',
    );
    expect(await expectError(await predict({ text: 'a'.repeat(10_001) }), 413, 'text_too_long')).toBe('text has 10001 characters; the limit is 10000');
  });

  it('4xx for 1 MB of text, invalid UTF-8 and malformed JSON, and stays ready', async () => {
    const invalid = Buffer.concat([Buffer.from('{"text": "bad '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    await expectError(await predict(invalid), 400, 'invalid_utf8');
    await expectError(await predict('{"text": '), 400, 'malformed_json');
    const megabyte = await predict({ text: 'great '.repeat(200_000) });
    expect(megabyte.status).toBe(413);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  });
});
