import { createRng } from '@dl-suite/ml-training';
import { WordPieceTokenizer } from '@dl-suite/text';
import type { WordVectors } from './word-vectors';

const CONTINUATION = '##';
// Whole words the uncased BERT pre-tokenizer can produce and GloVe 6B spells the same way.
const PLAIN_WORD = /^[a-z0-9]+$/;

export interface WholeWordOptions {
  /** Training words with a vector become single tokens, so none of them is split into vector-less pieces. */
  trainTexts: readonly string[];
  /** This many of the most frequent vector words (plain lower-case words only) also become tokens: words absent from training still get their meaning. */
  frequentWords: number;
}

/**
 * The tokenizer's vocabulary plus whole-word tokens for words that have a pretrained vector.
 * WordPiece matches the longest vocabulary entry first, so an added word is encoded as one id
 * (and a longer word may now start with it); transformers.js does the same with the written vocab.
 */
export function withWholeWords(tokenizer: WordPieceTokenizer, vectors: WordVectors, options: WholeWordOptions): WordPieceTokenizer {
  if (!tokenizer.settings.lowercase) throw new Error('pretrained word vectors need an uncased tokenizer');
  const added = new Set<string>();
  const add = (word: string) => {
    if (PLAIN_WORD.test(word) && vectors.vectors.has(word) && tokenizer.tokenId(word) === undefined) added.add(word);
  };
  for (const text of options.trainTexts) wordsOf(tokenizer.tokenize(text)).forEach(add);
  vectors.words.slice(0, options.frequentWords).forEach(add);
  return new WordPieceTokenizer([...tokenizer.vocab, ...added], tokenizer.settings);
}

/** Pre-tokenized words back from word pieces (a piece starting with ## continues the previous word). */
function wordsOf(pieces: readonly string[]): string[] {
  const words: string[] = [];
  for (const piece of pieces) {
    if (piece.startsWith(CONTINUATION) && words.length > 0) words[words.length - 1] += piece.slice(CONTINUATION.length);
    else words.push(piece);
  }
  return words;
}

export interface EmbeddingMatrix {
  /** Row-major [vocab.length, dimensions]. */
  values: Float32Array<ArrayBuffer>;
  dimensions: number;
  /** Tokens whose row is their pretrained vector. */
  pretrained: number;
}

/**
 * Initial embedding rows for a vocabulary: a token that is a whole word (not a `##` continuation,
 * not a `[SPECIAL]`) gets its pretrained vector, rescaled to length `norm` if given; every other
 * row is uniform random with the same root-mean-square value as the pretrained rows, so no group
 * of tokens starts out louder than the rest (Kim 2014 does the same for words missing from
 * word2vec). Seeded: same seed, same rows.
 */
export function pretrainedEmbeddingMatrix(vocab: readonly string[], vectors: WordVectors, seed: number, norm?: number): EmbeddingMatrix {
  const { dimensions } = vectors;
  const values = new Float32Array(vocab.length * dimensions);
  const missing: number[] = [];
  let sumSquares = 0;
  let pretrained = 0;
  vocab.forEach((token, row) => {
    const vector = isWholeWord(token) ? vectors.vectors.get(token) : undefined;
    if (vector === undefined) return missing.push(row);
    const length = Math.hypot(...vector);
    const scale = norm === undefined || length === 0 ? 1 : norm / length;
    values.set(scale === 1 ? vector : vector.map((v) => v * scale), row * dimensions);
    sumSquares += (scale * length) ** 2;
    pretrained++;
  });
  const std = pretrained > 0 ? Math.sqrt(sumSquares / (pretrained * dimensions)) : 0.05;
  const limit = std * Math.sqrt(3);
  const rng = createRng(seed);
  for (const row of missing) {
    for (let d = 0; d < dimensions; d++) values[row * dimensions + d] = (2 * rng.next() - 1) * limit;
  }
  return { values, dimensions, pretrained };
}

function isWholeWord(token: string): boolean {
  return !token.startsWith(CONTINUATION) && !(token.startsWith('[') && token.endsWith(']') && token.length > 2);
}
