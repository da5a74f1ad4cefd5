import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from './errors';
import { readMedMnist } from './medmnist';
import { encodeNpy } from './test-support/npy-writer';
import { encodeZip, type ZipMember } from './test-support/zip-writer';

const PNEUMONIA = join(import.meta.dirname, '../../../../../shared/datasets/medmnist/pneumoniamnist.npz');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imaging-medmnist-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Arrays = Record<string, Uint8Array>;
async function npz(name: string, arrays: Arrays, options: { method?: ZipMember['method']; zip64?: boolean } = {}): Promise<string> {
  const path = join(dir, name);
  const members = Object.entries(arrays).map(([array, data]) => ({ name: `${array}.npy`, data, method: options.method ?? 'deflated' }));
  await writeFile(path, encodeZip(members, { zip64: options.zip64 ?? false }));
  return path;
}

const ramp = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);
const grayImages = (count: number, size = 2) => encodeNpy('|u1', [count, size, size], ramp(count * size * size));
const labels = (values: number[]) => encodeNpy('|u1', [values.length, 1], values);

function counts(labels: Int32Array): number[] {
  const out: number[] = [];
  for (const l of labels) out[l] = (out[l] ?? 0) + 1;
  return out;
}

describe('readMedMnist', () => {
  it('reads the shared PneumoniaMNIST file: train and val, 28×28 grayscale, real class balance', async () => {
    const { splits, classes } = await readMedMnist(PNEUMONIA);
    expect(classes).toEqual(['normal', 'pneumonia']);
    expect(Object.keys(splits)).toEqual(['train', 'val']);
    const { train, val } = splits;
    expect(train).toMatchObject({ count: 4682, height: 28, width: 28, channels: 1 });
    expect(val).toMatchObject({ count: 524, height: 28, width: 28, channels: 1 });
    expect(train!.images.length).toBe(4682 * 28 * 28);
    expect(counts(train!.labels)).toEqual([1213, 3469]);
    expect(counts(val!.labels)).toEqual([135, 389]);
    // First row of the first training image, as numpy reads it.
    expect([...train!.images.subarray(0, 8)]).toEqual([136, 126, 111, 96, 85, 78, 73, 71]);
  });

  it('reads RGB multi-class arrays with 64-bit labels, stored or deflated, and names a known subset', async () => {
    const images = encodeNpy('|u1', [3, 4, 5, 3], ramp(3 * 4 * 5 * 3));
    const arrays = { train_images: images, train_labels: encodeNpy('<i8', [3, 1], [7, 0, 3]) };
    for (const method of ['stored', 'deflated'] as const) {
      const { splits, classes } = await readMedMnist(await npz(`bloodmnist_64.npz`, arrays, { method }));
      expect(classes).toHaveLength(8);
      expect(classes?.[7]).toBe('platelet');
      expect(splits.train).toMatchObject({ count: 3, height: 4, width: 5, channels: 3 });
      expect([...splits.train!.labels]).toEqual([7, 0, 3]);
      expect(splits.train!.images).toEqual(ramp(180));
    }
  });

  it('reads all three splits of a zip64 archive; an unknown subset name has no class names', async () => {
    const path = await npz(
      'mydata.npz',
      { train_images: grayImages(2), train_labels: labels([0, 1]), val_images: grayImages(1), val_labels: labels([1]), test_images: grayImages(1), test_labels: labels([0]) },
      { zip64: true },
    );
    const result = await readMedMnist(path);
    expect(result.classes).toBeUndefined();
    expect(Object.fromEntries(Object.entries(result.splits).map(([k, s]) => [k, s.count]))).toEqual({ train: 2, val: 1, test: 1 });
  });

  it('refuses what it cannot read, naming the file and the problem', async () => {
    const refusal = async (name: string, arrays: Arrays) => {
      const path = await npz(name, arrays);
      const error = await readMedMnist(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).message.startsWith(`${path}: `)).toBe(true);
      return (error as DatasetError).message.slice(path.length + 2);
    };
    expect(await refusal('chestmnist.npz', { train_images: grayImages(2), train_labels: encodeNpy('|u1', [2, 14], new Uint8Array(28)) })).toBe(
      'train_labels are [2, 14]: multi-label subsets (e.g. ChestMNIST) are not supported, only one class per image',
    );
    expect(await refusal('a.npz', { train_images: grayImages(3), train_labels: labels([0, 1]) })).toBe('shape mismatch: train_images holds 3 images but train_labels holds 2 labels');
    expect(await refusal('b.npz', { val_images: grayImages(1) })).toBe('has val_images but no val_labels');
    expect(await refusal('c.npz', { x: labels([1]) })).toBe('holds no MedMNIST arrays (train/val/test _images and _labels); found: x.npy');
    expect(await refusal('d.npz', { train_images: encodeNpy('<f4', [1, 2, 2], [0, 0, 0, 0]), train_labels: labels([0]) })).toBe(
      "train_images have unsupported dtype <f4 (uint8 '|u1' expected)",
    );
    expect(await refusal('e.npz', { train_images: encodeNpy('|u1', [1, 2, 2, 2], ramp(8)), train_labels: labels([0]) })).toBe(
      'train_images have shape [1, 2, 2, 2]: expected [N, H, W] or [N, H, W, 3] (3D volumes are not supported)',
    );
    expect(await refusal('f.npz', { train_images: grayImages(1), train_labels: labels([0]), val_images: grayImages(1, 3), val_labels: labels([0]) })).toBe(
      'val images are 3×3×1 but train images are 2×2×1',
    );
    expect(await refusal('pneumoniamnist.npz', { train_images: grayImages(2), train_labels: labels([1, 2]) })).toBe(
      'label 2 is out of range: pneumoniamnist has 2 classes',
    );
    const truncatedArray = grayImages(2).subarray(0, 130);
    expect(await refusal('g.npz', { train_images: truncatedArray, train_labels: labels([0, 1]) })).toBe(
      'train_images.npy: shape (2, 2, 2) of |u1 needs 8 data bytes but the array holds 2: truncated or corrupt',
    );
  });

  it('refuses a truncated archive', async () => {
    const whole = encodeZip([{ name: 'train_images.npy', data: grayImages(2), method: 'deflated' }]);
    const path = join(dir, 'cut.npz');
    await writeFile(path, whole.subarray(0, whole.length - 40));
    await expect(readMedMnist(path)).rejects.toThrow(`${path}: not a zip archive (no end-of-central-directory record; truncated or another format)`);
  });
});
