import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from './errors';
import { readImageFolder } from './image-folder';
import { encodeDicom } from './test-support/dicom-writer';
import { pngDeclaring } from './test-support/png-writer';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'imaging-folder-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function folder(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = join(root, name);
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return dir;
}

const gradient = Array.from({ length: 28 * 28 }, (_, i) => i % 256);
const gray = (pixels: number[], size: number) => sharp(Buffer.from(pixels), { raw: { width: size, height: size, channels: 1 } }).toColourspace('b-w');
const dicomSamples = Array.from({ length: 28 * 28 }, (_, i) => i % 200);

async function xrayFolder(): Promise<string> {
  return folder('xrays', {
    'README.md': 'files beside the class folders are not images',
    '.cache/x.png': 'hidden folders are skipped',
    'normal/a.png': await gray(gradient, 28).png().toBuffer(),
    'normal/b.jpg': await gray(new Array(56 * 56).fill(40), 56).jpeg({ quality: 95 }).toBuffer(),
    'normal/.DS_Store': 'hidden files are skipped',
    'pneumonia/c.dcm': encodeDicom({ rows: 28, columns: 28, bitsAllocated: 16, photometric: 'MONOCHROME1', window: { center: '100', width: '200' }, samples: dicomSamples }),
    // No extension: the format is read from the bytes.
    'pneumonia/d': await sharp(Buffer.alloc(28 * 28 * 3, 200), { raw: { width: 28, height: 28, channels: 3 } }).png().toBuffer(),
  });
}

describe('readImageFolder', () => {
  it('reads PNG, JPEG and DICOM from class folders into 28×28 grayscale', async () => {
    const dir = await xrayFolder();
    const set = await readImageFolder(dir);
    expect(set.classes).toEqual(['normal', 'pneumonia']);
    expect(set.files).toEqual(['normal/a.png', 'normal/b.jpg', 'pneumonia/c.dcm', 'pneumonia/d'].map((f) => join(dir, f)));
    expect([...set.labels]).toEqual([0, 0, 1, 1]);
    expect(set).toMatchObject({ count: 4, height: 28, width: 28, channels: 1 });
    const image = (i: number) => [...set.images.subarray(i * 784, (i + 1) * 784)];
    expect(image(0)).toEqual(gradient);
    expect(Math.max(...image(1).map((v) => Math.abs(v - 40)))).toBeLessThanOrEqual(2); // JPEG, halved in size
    // MONOCHROME1, window 100/200: stored 0, 99, 100, 199 → 0, 126.9, 128.1, 255 → inverted.
    expect([0, 99, 100, 199].map((i) => image(2)[i])).toEqual([255, 128, 127, 0]);
    expect(image(3)).toEqual(new Array(784).fill(200));
  });

  it('brings every image to the requested size and channel count', async () => {
    const set = await readImageFolder(await xrayFolder(), { width: 14, height: 14, channels: 3 });
    expect(set).toMatchObject({ count: 4, height: 14, width: 14, channels: 3 });
    expect(set.images.length).toBe(4 * 14 * 14 * 3);
    expect([...set.images.subarray(3 * 588, 3 * 588 + 6)]).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('names the file that does not decode or is too large', async () => {
    const png = await gray(gradient, 28).png().toBuffer();
    const truncated = await folder('truncated', { 'a/ok.png': png, 'b/broken.png': png.subarray(0, png.length - 100) });
    await expect(readImageFolder(truncated)).rejects.toThrow(new RegExp(`^${join(truncated, 'b/broken.png')}: PNG image does not decode`));
    const bomb = await folder('bomb', { 'a/bomb.png': pngDeclaring(100_000, 100_000) });
    const error = await readImageFolder(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).toMatchObject({ path: join(bomb, 'a/bomb.png'), message: expect.stringMatching(/over the 25,000,000-pixel limit$/) });
    const text = await folder('text', { 'a/notes.txt': 'not an image' });
    await expect(readImageFolder(text)).rejects.toThrow(`${join(text, 'a/notes.txt')}: Body is not a recognisable image`);
  });

  it('refuses a folder without classes, an empty class and nested folders', async () => {
    const flat = await folder('flat', { 'a.png': await gray(gradient, 28).png().toBuffer() });
    await expect(readImageFolder(flat)).rejects.toThrow(`${flat}: has no class sub-folders (expected <dir>/<class>/<image>)`);
    const empty = await folder('empty', { 'a/x.png': await gray(gradient, 28).png().toBuffer(), 'b/.keep': '' });
    await expect(readImageFolder(empty)).rejects.toThrow(`${join(empty, 'b')}: holds no images`);
    const nested = await folder('nested', { 'a/left/x.png': await gray(gradient, 28).png().toBuffer() });
    await expect(readImageFolder(nested)).rejects.toThrow(`${join(nested, 'a/left')}: is a folder inside a class folder`);
  });
});
