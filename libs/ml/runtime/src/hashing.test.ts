import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Bytes, sha256File, sha256OfFiles } from './hashing';
import { tempDir } from './test-support/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const reference = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('hashing', () => {
  it('hashes bytes and strings', () => {
    expect(sha256Bytes('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Bytes(new Uint8Array([1, 2, 3]))).toBe(reference(new Uint8Array([1, 2, 3])));
  });

  it('streams a file larger than one read chunk', async () => {
    const data = new Uint8Array(3 * (1 << 20) + 17).map((_, i) => (i * 31) % 251);
    const path = join(dir, 'big.bin');
    await writeFile(path, data);
    expect(await sha256File(path)).toBe(reference(data));
  });

  it('fingerprints several files by content and order, not by name', async () => {
    const [a, b, aCopy] = ['a.csv', 'b.csv', 'copy-of-a.csv'].map((name) => join(dir, name)) as [string, string, string];
    await writeFile(a, 'x,y\n1,2\n');
    await writeFile(b, 'x,y\n3,4\n');
    await writeFile(aCopy, 'x,y\n1,2\n');

    const fingerprint = await sha256OfFiles([a, b]);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha256OfFiles([aCopy, b])).toBe(fingerprint);
    expect(await sha256OfFiles([b, a])).not.toBe(fingerprint);
    expect(fingerprint).toBe(reference(`${reference('x,y\n1,2\n')}\n${reference('x,y\n3,4\n')}\n`));
  });
});
