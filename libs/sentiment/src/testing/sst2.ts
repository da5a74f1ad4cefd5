import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared datasets live outside the repository (../shared/datasets); SST2_DIR overrides. */
export const SST2_DIR = process.env['SST2_DIR'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets/sst2');
export const SST2_TRAIN = join(SST2_DIR, 'train.tsv');
export const SST2_DEV = join(SST2_DIR, 'dev.tsv');
/** Tests that learn from SST-2 are skipped without it (a fresh clone has no datasets). */
export const hasSst2 = existsSync(SST2_TRAIN) && existsSync(SST2_DEV);
