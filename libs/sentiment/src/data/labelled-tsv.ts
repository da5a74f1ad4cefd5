import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Sentences with 0/1 labels (0 negative, 1 positive), in file order. */
export interface LabelledTexts {
  texts: string[];
  labels: Uint8Array;
}

/** A problem with a TSV file; `line` is 1-based (1 = header) when one row is to blame. */
export class LabelledTsvError extends Error {
  override readonly name = 'LabelledTsvError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
  }
}

const HEADER = ['sentence', 'label'];

const rowSchema = z.object({
  sentence: z.string().trim().min(1, 'sentence is empty'),
  label: z.enum(['0', '1'], { error: (issue) => `label must be 0 or 1 (got ${JSON.stringify(issue.input)})` }).transform(Number),
});

/**
 * Reads a GLUE SST-2 style file: a `sentence<TAB>label` header, then one row per line. Every
 * row is validated; the first bad one throws a LabelledTsvError naming file and line.
 * The sentence is everything before the last tab, so text containing tabs still parses.
 */
export async function readLabelledTsv(file: string): Promise<LabelledTexts> {
  const lines = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0]?.split('\t').map((h) => h.trim().toLowerCase());
  if (header === undefined || header.join('\t') !== HEADER.join('\t')) {
    throw new LabelledTsvError(file, 1, `expected the header "sentence<TAB>label", got ${JSON.stringify(lines[0] ?? '')}`);
  }
  const texts: string[] = [];
  const labels: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const tab = line.lastIndexOf('\t');
    if (tab < 0) throw new LabelledTsvError(file, i + 1, 'expected "sentence<TAB>label", found no tab');
    const parsed = rowSchema.safeParse({ sentence: line.slice(0, tab), label: line.slice(tab + 1).trim() });
    if (!parsed.success) throw new LabelledTsvError(file, i + 1, parsed.error.issues.map((issue) => issue.message).join('; '));
    texts.push(parsed.data.sentence);
    labels.push(parsed.data.label);
  }
  if (texts.length === 0) throw new LabelledTsvError(file, undefined, 'no rows after the header');
  return { texts, labels: Uint8Array.from(labels) };
}
