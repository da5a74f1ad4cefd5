import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy } from '../data/test-support/npy-writer';
import { encodeZip } from '../data/test-support/zip-writer';
import { PNEUMONIA_NPZ } from '../test-support/pneumonia';
import { loadEvaluationData, loadTrainingData } from './load-training-data';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imaging-folder-'));
  // 20 dark "normal" and 10 bright "pneumonia" 40×40 PNGs; the loader brings them to 28×28.
  for (const [name, count, level] of [['normal', 20, 30], ['pneumonia', 10, 220]] as const) {
    await mkdir(join(folder, name));
    for (let i = 0; i < count; i++) {
      const png = await sharp(Buffer.alloc(40 * 40, level + i), { raw: { width: 40, height: 40, channels: 1 } }).png().toBuffer();
      await writeFile(join(folder, name, `${i}.png`), png);
    }
  }
});

describe('loadTrainingData', () => {
  it('reads the train and val splits of a MedMNIST file with its class names', async () => {
    const data = await loadTrainingData(PNEUMONIA_NPZ);
    expect(data.labels).toEqual(['normal', 'pneumonia']);
    expect([data.train.count, data.validation.count]).toEqual([4682, 524]);
    expect(data.description).toBe('pneumoniamnist.npz (MedMNIST): 4682 (1213 normal, 3469 pneumonia) train, 524 (135 normal, 389 pneumonia) val, 28×28×1');
  });

  it('splits an image folder into stratified train and validation sets at the requested size', async () => {
    const data = await loadTrainingData(folder, { validationFraction: 0.2, seed: 1 });
    expect(data.labels).toEqual(['normal', 'pneumonia']);
    expect([data.train.count, data.validation.count]).toEqual([24, 6]);
    expect(Array.from(data.validation.labels).filter((l) => l === 1)).toHaveLength(2);
    expect([data.train.height, data.train.width, data.train.channels]).toEqual([28, 28, 1]);
    const darkest = Math.min(...data.train.images.subarray(0, 784));
    expect(darkest).toBeGreaterThanOrEqual(30);
  });

  it('refuses a .npz without a val split, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imaging-npz-'));
    const path = join(dir, 'trainonly.npz');
    await writeFile(path, encodeZip([
      { name: 'train_images.npy', data: encodeNpy('|u1', [2, 4, 4], new Uint8Array(32)) },
      { name: 'train_labels.npy', data: encodeNpy('|u1', [2, 1], [0, 1]) },
    ]));
    await expect(loadTrainingData(path)).rejects.toThrow(`${path}: training needs train and val splits; the file holds train`);
  });
});

describe('loadEvaluationData', () => {
  it('maps folder names onto the model labels, and refuses a folder the model does not know', async () => {
    const set = await loadEvaluationData(folder, { split: 'test', labels: ['pneumonia', 'normal'] });
    expect(set.labels[0]).toBe(1);
    await expect(loadEvaluationData(folder, { split: 'test', labels: ['cat', 'normal'] })).rejects.toThrow('folders pneumonia are not labels of the model (cat, normal)');
  });

  it('refuses a split the file lacks', async () => {
    await expect(loadEvaluationData(PNEUMONIA_NPZ, { split: 'test', labels: ['normal', 'pneumonia'] })).rejects.toThrow('has no test split (it holds train, val)');
  });
});
