import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MODEL_CARD_FILE = 'MODEL_CARD.md';

/** A local model folder's MODEL_CARD.md, for services to show with the manifest; undefined for hub ids and folders without one. */
export function readModelCard(source: string): Promise<string | undefined> {
  return readFile(join(source, MODEL_CARD_FILE), 'utf8').catch(() => undefined);
}
