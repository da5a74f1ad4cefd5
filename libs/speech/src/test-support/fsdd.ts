import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared FSDD recordings beside the repository (../shared/datasets); FSDD_DIR overrides. */
export const FSDD = process.env['FSDD_DIR'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets/fsdd/recordings');
