import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared datasets live beside the repository (../shared/datasets on our machines and in CI); FSDD_DIR overrides. */
export const FSDD = process.env['FSDD_DIR'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets/fsdd/recordings');
