import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHfTokenizer, type HfTokenizer } from '@dl-suite/ml-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../test-support/hostile-texts';
import { sst2Sentences } from '../test-support/sst2';
import { toHfTokenizerFiles } from './hf-tokenizer-files';
import { trainWordPiece } from './train-wordpiece';
import type { WordPieceTokenizer } from './wordpiece-tokenizer';

// Our encoder must give transformers.js's ids for the files we write, or a model trained on our
// ids would be served different ones. Trained on SST-2 train when available (else a stand-in).
const trainTexts = sst2Sentences('train');
const devTexts = sst2Sentences('dev');
// Raw-text variants of dev: capitalised, contractions joined, markup around it.
const rawDev = devTexts.slice(0, 200).map((s) => `<p>${s.replace(/ n't/g, "n't").replace(/^./, (c) => c.toUpperCase())} 😀</p>`);

let dir: string;
const cases: { name: string; options: Parameters<typeof trainWordPiece>[1] }[] = [
  { name: 'uncased, 8k', options: { vocabSize: 8000, modelMaxLength: 64 } },
  { name: "uncased with the n't replacement, 16k", options: { vocabSize: 16000, modelMaxLength: 128, replacements: [{ from: "n't", to: " n't" }] } },
  { name: 'cased, 4k', options: { vocabSize: 4000, modelMaxLength: 32, lowercase: false } },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'text-parity-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pair(name: string, options: Parameters<typeof trainWordPiece>[1]): Promise<[WordPieceTokenizer, HfTokenizer]> {
  const ours = trainWordPiece(trainTexts, options);
  const folder = join(dir, name.replace(/\W+/g, '-'));
  await mkdir(folder);
  for (const [file, text] of Object.entries(toHfTokenizerFiles(ours))) await writeFile(join(folder, file), text);
  return [ours, await loadHfTokenizer(folder)];
}

describe.each(cases)('WordPiece encode equals transformers.js AutoTokenizer ($name)', ({ name, options }) => {
  let ours: WordPieceTokenizer;
  let theirs: HfTokenizer;
  beforeAll(async () => {
    [ours, theirs] = await pair(name, options);
  });

  it('on every SST-2 dev sentence, raw variants and hostile text (untruncated ids)', () => {
    const texts = [...devTexts, ...rawDev, ...HOSTILE_TEXTS];
    const mismatches = texts.filter((t) => JSON.stringify(ours.encode(t, Infinity).ids) !== JSON.stringify(theirs.encode(t)));
    // Names the first few offenders instead of dumping thousands of characters.
    expect(mismatches.slice(0, 3).map((t) => t.slice(0, 80))).toEqual([]);
  });

  it('as the pipeline batches them: padded to the longest, truncated at model_max_length', () => {
    expect(theirs.maxLength).toBe(ours.settings.modelMaxLength);
    for (const texts of [devTexts.slice(0, 64), [...HOSTILE_TEXTS], ['one'], rawDev.slice(0, 17)]) {
      const batch = ours.encodeBatch(texts);
      const rows = (data: Int32Array) => texts.map((_, r) => [...data.subarray(r * batch.sequenceLength, (r + 1) * batch.sequenceLength)]);
      const expected = theirs.encodeBatch(texts);
      expect(rows(batch.inputIds)).toEqual(expected.inputIds);
      expect(rows(batch.attentionMask)).toEqual(expected.attentionMask);
    }
  });
});
