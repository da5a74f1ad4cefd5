import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSst2, SST2_DEV } from '../testing/sst2';
import { LabelledTsvError, readLabelledTsv } from './labelled-tsv';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labelled-tsv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tsv(name: string, content: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('readLabelledTsv', () => {
  it.skipIf(!hasSst2)('reads SST-2 dev: 872 sentences, 444 positive', async () => {
    const dev = await readLabelledTsv(SST2_DEV);
    expect(dev.texts).toHaveLength(872);
    expect(dev.labels.reduce((n, l) => n + l, 0)).toBe(444);
    expect(dev.texts[0]).toBe('one long string of cliches .');
    expect(dev.labels[0]).toBe(0);
  });

  it('accepts CRLF, a BOM, blank lines, tabs inside the sentence and surrounding spaces', async () => {
    const file = await tsv('ok.tsv', '\uFEFFsentence\tlabel\r\n a\tb film \t1\r\n\r\nbad\t0 \r\n');
    const read = await readLabelledTsv(file);
    expect(read.texts).toEqual(['a\tb film', 'bad']);
    expect([...read.labels]).toEqual([1, 0]);
  });

  it.each([
    ['a label other than 0/1', 'sentence\tlabel\ngood\t1\nmeh\t2\n', 3, 'label must be 0 or 1 (got "2")'],
    ['an empty sentence', 'sentence\tlabel\n  \t0\n', 2, 'sentence is empty'],
    ['a row without a tab', 'sentence\tlabel\ngood\t1\nno tab here\n', 3, 'found no tab'],
    ['another header', 'text,label\ngood,1\n', 1, 'expected the header'],
  ])('names file and line for %s', async (_, content, line, reason) => {
    const file = await tsv(`bad-${line}.tsv`, content);
    const error = await readLabelledTsv(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabelledTsvError);
    expect((error as LabelledTsvError).line).toBe(line);
    expect((error as Error).message).toContain(`${file}:${line}: `);
    expect((error as Error).message).toContain(reason);
  });

  it('refuses a file with a header only', async () => {
    const file = await tsv('empty.tsv', 'sentence\tlabel\n');
    await expect(readLabelledTsv(file)).rejects.toThrow(`${file}: no rows after the header`);
  });
});
