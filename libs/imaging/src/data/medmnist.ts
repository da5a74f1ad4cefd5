import { basename } from 'node:path';
import { DatasetError } from './errors';
import { MEDMNIST_CLASSES } from './medmnist-classes';
import { NpyFormatError, parseNpy, toInt32, type NpyArray } from './npy';
import type { ImageSet } from './types';
import { openZip, ZipFormatError, type ZipArchive, type ZipEntry } from './zip';

export const MEDMNIST_SPLITS = ['train', 'val', 'test'] as const;
export type MedMnistSplit = (typeof MEDMNIST_SPLITS)[number];

export interface MedMnist {
  /** The splits the file holds (the shared PneumoniaMNIST copy has no test split). */
  splits: Partial<Record<MedMnistSplit, ImageSet>>;
  /** Class names by index, when the file is named after a known subset (`bloodmnist.npz`, `dermamnist_64.npz`). */
  classes?: string[];
}

/**
 * Reads a 2D single-label MedMNIST `.npz` (a zip of `<split>_images.npy` uint8 `[N,H,W]` or
 * `[N,H,W,3]` and `<split>_labels.npy` integer `[N,1]`), one array at a time. Images stay a
 * view on the inflated array (no copy). Every problem with the file is a DatasetError naming it.
 */
export async function readMedMnist(path: string): Promise<MedMnist> {
  const zip = await openZip(path).catch((error: unknown) => {
    throw error instanceof ZipFormatError ? new DatasetError(path, error.message, { cause: error }) : error;
  });
  try {
    const npz = new NpzReader(path, zip);
    const splits: MedMnist['splits'] = {};
    for (const split of MEDMNIST_SPLITS) {
      const set = await readSplit(npz, split);
      if (set) splits[split] = set;
    }
    const sets = Object.values(splits);
    if (sets.length === 0) {
      throw new DatasetError(path, `holds no MedMNIST arrays (train/val/test _images and _labels); found: ${[...zip.entries.keys()].join(', ') || 'nothing'}`);
    }
    checkSameImageShape(path, splits);
    const classes = MEDMNIST_CLASSES[subsetName(path)];
    if (!classes) return { splits };
    checkLabelsWithin(path, sets, classes.length);
    return { splits, classes: [...classes] };
  } finally {
    await zip.close();
  }
}

/** Reads named arrays, turning format errors into DatasetErrors that name the file and array. */
class NpzReader {
  constructor(
    readonly path: string,
    private readonly zip: ZipArchive,
  ) {}

  entry(name: string): ZipEntry | undefined {
    return this.zip.entries.get(`${name}.npy`);
  }

  async array(entry: ZipEntry): Promise<NpyArray> {
    return this.wrap(entry.name, async () => parseNpy(await this.zip.read(entry)));
  }

  labels(name: string, array: NpyArray): Promise<Int32Array> {
    return this.wrap(`${name}.npy`, async () => toInt32(array));
  }

  fail(reason: string): DatasetError {
    return new DatasetError(this.path, reason);
  }

  private async wrap<T>(name: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ZipFormatError) throw new DatasetError(this.path, error.message, { cause: error });
      if (error instanceof NpyFormatError) throw new DatasetError(this.path, `${name}: ${error.message}`, { cause: error });
      throw error;
    }
  }
}

async function readSplit(npz: NpzReader, split: MedMnistSplit): Promise<ImageSet | undefined> {
  const [imagesName, labelsName] = [`${split}_images`, `${split}_labels`];
  const imagesEntry = npz.entry(imagesName);
  const labelsEntry = npz.entry(labelsName);
  if (!imagesEntry && !labelsEntry) return undefined;
  if (!imagesEntry) throw npz.fail(`has ${labelsName} but no ${imagesName}`);
  if (!labelsEntry) throw npz.fail(`has ${imagesName} but no ${labelsName}`);

  const images = await npz.array(imagesEntry);
  if (images.dtype !== '|u1') throw npz.fail(`${imagesName} have unsupported dtype ${images.dtype} (uint8 '|u1' expected)`);
  const [count = 0, height = 0, width = 0, channels = 1] = images.shape;
  if (images.shape.length < 3 || images.shape.length > 4 || (channels !== 1 && channels !== 3)) {
    throw npz.fail(`${imagesName} have shape [${images.shape.join(', ')}]: expected [N, H, W] or [N, H, W, 3] (3D volumes are not supported)`);
  }

  const labels = await npz.array(labelsEntry);
  const [labelCount, perImage = 1, ...rest] = labels.shape;
  if (perImage > 1 && rest.length === 0) {
    throw npz.fail(`${labelsName} are [${labels.shape.join(', ')}]: multi-label subsets (e.g. ChestMNIST) are not supported, only one class per image`);
  }
  if (labelCount === undefined || perImage !== 1 || rest.length > 0) throw npz.fail(`${labelsName} have shape [${labels.shape.join(', ')}], expected [N, 1]`);
  if (labelCount !== count) throw npz.fail(`shape mismatch: ${imagesName} holds ${count} images but ${labelsName} holds ${labelCount} labels`);
  const classIndices = await npz.labels(labelsName, labels);
  const negative = classIndices.findIndex((v) => v < 0);
  if (negative >= 0) throw npz.fail(`${labelsName}[${negative}] is ${classIndices[negative]}; class indices cannot be negative`);
  return { images: images.data, labels: classIndices, count, height, width, channels };
}

function checkSameImageShape(path: string, splits: MedMnist['splits']): void {
  const described = Object.entries(splits).map(([split, s]) => ({ split, shape: `${s.height}×${s.width}×${s.channels}` }));
  const [first, ...others] = described;
  const other = others.find((d) => d.shape !== first?.shape);
  if (first && other) throw new DatasetError(path, `${other.split} images are ${other.shape} but ${first.split} images are ${first.shape}`);
}

function checkLabelsWithin(path: string, sets: ImageSet[], classCount: number): void {
  const max = Math.max(...sets.map((s) => s.labels.reduce((m, v) => Math.max(m, v), 0)));
  if (max >= classCount) throw new DatasetError(path, `label ${max} is out of range: ${subsetName(path)} has ${classCount} classes`);
}

/** `bloodmnist_64.npz` → `bloodmnist` (MedMNIST+ appends the image size). */
function subsetName(path: string): string {
  return basename(path, '.npz').replace(/_(28|64|128|224)$/, '');
}
