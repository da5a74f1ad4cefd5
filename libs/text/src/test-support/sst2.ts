import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared datasets live outside the repository (../shared/datasets on our machines); SST2_DIR overrides. */
export const SST2_DIR = process.env['SST2_DIR'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets/sst2');
const hasSst2 = existsSync(join(SST2_DIR, 'train.tsv')) && existsSync(join(SST2_DIR, 'dev.tsv'));

// A small stand-in when the dataset is absent (fresh clone, CI), so the tests still run with less coverage.
const FALLBACK = [
  'a gorgeous , witty , seductive movie .',
  "it 's a charming and often affecting journey .",
  'unflinchingly bleak and desperate',
  "the movie does n't work , and it 's not funny .",
  'one long string of cliches .',
  'the acting , costumes , music , cinematography and sound are all astounding .',
  'a sometimes tedious film .',
  'a warm , funny and touching film .',
];

/** Sentences of one split (`sentence<TAB>label` with a header row), or the stand-in. */
export function sst2Sentences(split: 'train' | 'dev'): string[] {
  if (!hasSst2) return FALLBACK;
  return readFileSync(join(SST2_DIR, `${split}.tsv`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.slice(0, line.lastIndexOf('\t')));
}
