import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainWordPiece } from '@dl-suite/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pretrainedEmbeddingMatrix, withWholeWords } from './pretrained-embeddings';
import { loadWordVectors, type WordVectors } from './word-vectors';

// A GloVe text file in miniature: most frequent word first, `word v1 v2 v3` per line.
const GLOVE = ['the 0.1 0.2 0.3', 'good 1 -1 0.5', ', 0 0 1', 'film -0.5 0.25 2', 'masterpiece 3 0 -3', 'café 1 1 1', 'the 9 9 9', ''].join('\n');
const TEXTS = ['the film is good', 'a good , good film', 'the filmmakers were good'];

let dir: string;
let vectors: WordVectors;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'word-vectors-'));
  await writeFile(join(dir, 'glove.txt'), GLOVE);
  vectors = await loadWordVectors(join(dir, 'glove.txt'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadWordVectors', () => {
  it('reads GloVe text in file order, keeping the first vector of a repeated word', () => {
    expect(vectors.dimensions).toBe(3);
    expect(vectors.words).toEqual(['the', 'good', ',', 'film', 'masterpiece', 'café']);
    expect([...(vectors.vectors.get('the') ?? [])]).toEqual([0.1, 0.2, 0.3].map(Math.fround));
  });

  it('reads the wink-embeddings JSON layout, dropping the norm and index after each vector', async () => {
    const file = join(dir, 'wink.json');
    await writeFile(file, JSON.stringify({ dimensions: 2, words: ['good', 'bad'], vectors: { good: [1, 2, 2.23, 0], bad: [-1, -2, 2.23, 1] } }));
    const wink = await loadWordVectors(file);
    expect(wink.words).toEqual(['good', 'bad']);
    expect([...(wink.vectors.get('bad') ?? [])]).toEqual([-1, -2]);
  });

  it('names the file and line of a malformed vector', async () => {
    const file = join(dir, 'bad.txt');
    await writeFile(file, 'good 1 2\nbad 1 x\n');
    await expect(loadWordVectors(file)).rejects.toThrow(/bad\.txt:2/);
  });
});

describe('withWholeWords', () => {
  const pieces = trainWordPiece(TEXTS, { vocabSize: 60, minFrequency: 1 });

  it('adds training words and frequent plain words that have a vector, each once, after the original vocabulary', () => {
    const extended = withWholeWords(pieces, vectors, { trainTexts: TEXTS, frequentWords: 5 });
    expect(extended.vocab.slice(0, pieces.vocabSize)).toEqual(pieces.vocab);
    const added = extended.vocab.slice(pieces.vocabSize);
    expect(new Set(added).size).toBe(added.length);
    // 'masterpiece' is not in the training text but among the 5 most frequent vector words; 'café' is not plain.
    expect(added).toContain('masterpiece');
    expect(added).not.toContain('café');
    expect(extended.tokenize('the masterpiece film')).toEqual(['the', 'masterpiece', 'film']);
    // Longest match first: a word that starts with an added word may now split after it…
    expect(extended.tokenize('filmmakers')[0]).toBe('film');
    // …and words sharing no prefix with an added word are spelled exactly as before.
    expect(extended.tokenize('is were zq')).toEqual(pieces.tokenize('is were zq'));
  });
});

describe('pretrainedEmbeddingMatrix', () => {
  const vocab = ['[PAD]', '[UNK]', 'the', 'good', '##good', ',', 'unknownword', 'film'];

  it('gives whole-word tokens their vector and everything else seeded random rows at the vectors’ scale', () => {
    const { values, dimensions, pretrained } = pretrainedEmbeddingMatrix(vocab, vectors, 7);
    const row = (token: string) => [...values.slice(vocab.indexOf(token) * dimensions, (vocab.indexOf(token) + 1) * dimensions)];
    expect(dimensions).toBe(3);
    expect(pretrained).toBe(4);
    expect(row('good')).toEqual([1, -1, 0.5]);
    expect(row('film')).toEqual([-0.5, 0.25, 2]);
    expect(row(',')).toEqual([0, 0, 1]);
    // A ## continuation is not the word 'good', and special tokens are not words.
    expect(row('##good')).not.toEqual(row('good'));
    const randomValues = ['[PAD]', '[UNK]', '##good', 'unknownword'].flatMap(row);
    expect(randomValues.every((v) => v !== 0)).toBe(true);
    const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);
    const limit = rms(['the', 'good', ',', 'film'].flatMap(row)) * Math.sqrt(3);
    expect(randomValues.every((v) => Math.abs(v) <= limit)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(pretrainedEmbeddingMatrix(vocab, vectors, 7).values).toEqual(pretrainedEmbeddingMatrix(vocab, vectors, 7).values);
    expect(pretrainedEmbeddingMatrix(vocab, vectors, 8).values).not.toEqual(pretrainedEmbeddingMatrix(vocab, vectors, 7).values);
  });
});
