import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeZip, type ZipMember } from './test-support/zip-writer';
import { openZip } from './zip';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imaging-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let files = 0;
async function zipFile(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${files++}.zip`);
  await writeFile(path, bytes);
  return path;
}

async function readAll(path: string): Promise<Record<string, Uint8Array>> {
  const zip = await openZip(path);
  try {
    const out: Record<string, Uint8Array> = {};
    for (const entry of zip.entries.values()) out[entry.name] = await zip.read(entry);
    return out;
  } finally {
    await zip.close();
  }
}

// toEqual walks 300k elements one by one (seconds); Buffer#equals is a memcmp.
function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

// 300 KB of varied bytes: inflating it takes several stream chunks.
const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) >>> 24);
const small = new TextEncoder().encode('hello npz');
const members: ZipMember[] = [
  { name: 'a.npy', data: small, method: 'stored' },
  { name: 'b.npy', data: big, method: 'deflated' },
];

describe('openZip', () => {
  it('reads stored and deflated members byte for byte', async () => {
    const read = await readAll(await zipFile(encodeZip(members)));
    expect(Object.keys(read)).toEqual(['a.npy', 'b.npy']);
    expect(read['a.npy']).toEqual(small);
    expect(sameBytes(read['b.npy'], big)).toBe(true);
  });

  it('reads zip64 sizes and offsets from extra fields and the zip64 end records', async () => {
    const read = await readAll(await zipFile(encodeZip(members, { zip64: true })));
    expect(sameBytes(read['b.npy'], big)).toBe(true);
  });

  it('refuses a file that is not a zip or lost its end', async () => {
    const zip = encodeZip(members);
    const expected = 'not a zip archive (no end-of-central-directory record; truncated or another format)';
    await expect(openZip(await zipFile(new TextEncoder().encode('\x89PNG not a zip')))).rejects.toThrow(expected);
    await expect(openZip(await zipFile(zip.subarray(0, zip.length - 30)))).rejects.toThrow(expected);
    await expect(openZip(await zipFile(zip.subarray(200)))).rejects.toThrow(/central directory ends at byte \d+ of a \d+-byte file: truncated/);
  });

  it('detects corrupt member data by CRC or by the inflater', async () => {
    const zip = encodeZip(members);
    const storedData = 30 + 'a.npy'.length;
    const flipped = zip.slice();
    flipped[storedData + 2] = flipped[storedData + 2]! ^ 0xff;
    const deflatedData = storedData + small.length + 30 + 'b.npy'.length;
    const mangled = zip.slice();
    mangled.fill(0xaa, deflatedData + 1000, deflatedData + 1100);

    const zipA = await openZip(await zipFile(flipped));
    await expect(zipA.read(zipA.entries.get('a.npy')!)).rejects.toThrow('a.npy fails its CRC-32 check: corrupt');
    await zipA.close();
    const zipB = await openZip(await zipFile(mangled));
    await expect(zipB.read(zipB.entries.get('b.npy')!)).rejects.toThrow(/b\.npy (does not inflate|fails its CRC-32 check|inflates to \d+ bytes)/);
    await zipB.close();
  });
});
