import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { stratifiedSplit } from '@dl-suite/ml-training';
import { readImageFolder, readMedMnist, type ImageSet, type MedMnistSplit } from '../data';

export interface TrainingDataOptions {
  /** Validation image folder, for a training image folder (default: split off validationFraction). */
  validation?: string;
  validationFraction?: number;
  /** Class names in label order; default: the MedMNIST subset's names or the folder names. */
  labels?: readonly string[];
  /** Side of the square images read from folders (default 28); .npz files keep their size. */
  size?: number;
  seed?: number;
}

export interface TrainingData {
  train: ImageSet;
  validation: ImageSet;
  labels: string[];
  /** One line for logs, reports and the model card. */
  description: string;
}

const DEFAULT_SIZE = 28;

/** A MedMNIST .npz (its train and val splits) or a class-per-folder image tree. */
export async function loadTrainingData(path: string, options: TrainingDataOptions = {}): Promise<TrainingData> {
  if (await isDirectory(path)) return fromFolders(path, options);
  const file = await readMedMnist(path);
  const { train, val } = file.splits;
  if (!train || !val) throw new Error(`${path}: training needs train and val splits; the file holds ${Object.keys(file.splits).join(', ')}`);
  const labels = classNames(path, options.labels ?? file.classes, train);
  return {
    train,
    validation: val,
    labels,
    description: `${basename(path)} (MedMNIST): ${describe(train, labels)} train, ${describe(val, labels)} val, ${train.height}×${train.width}×${train.channels}`,
  };
}

/** The labelled images `evaluate` scores: a split of a .npz file, or a whole image folder mapped onto the model's labels. */
export async function loadEvaluationData(
  path: string,
  options: { split: MedMnistSplit; labels: readonly string[]; size?: { width: number; height: number } },
): Promise<ImageSet> {
  if (await isDirectory(path)) {
    const folder = await readImageFolder(path, { width: options.size?.width ?? DEFAULT_SIZE, height: options.size?.height ?? DEFAULT_SIZE, channels: 1 });
    const unknown = folder.classes.filter((c) => !options.labels.includes(c));
    if (unknown.length > 0) throw new Error(`${path}: folders ${unknown.join(', ')} are not labels of the model (${options.labels.join(', ')})`);
    const remap = folder.classes.map((c) => options.labels.indexOf(c));
    return { ...folder, labels: folder.labels.map((l) => remap[l] as number) };
  }
  const file = await readMedMnist(path);
  const set = file.splits[options.split];
  if (!set) throw new Error(`${path} has no ${options.split} split (it holds ${Object.keys(file.splits).join(', ')})`);
  return set;
}

async function fromFolders(path: string, options: TrainingDataOptions): Promise<TrainingData> {
  const size = options.size ?? DEFAULT_SIZE;
  const shape = { width: size, height: size, channels: 1 as const };
  const all = await readImageFolder(path, shape);
  const labels = classNames(path, options.labels ?? all.classes, all);
  let train: ImageSet;
  let validation: ImageSet;
  if (options.validation) {
    const held = await readImageFolder(options.validation, shape);
    if (held.classes.join() !== all.classes.join()) {
      throw new Error(`${options.validation}: class folders ${held.classes.join(', ')} differ from ${path}'s ${all.classes.join(', ')}`);
    }
    train = all;
    validation = held;
  } else {
    const split = stratifiedSplit(all.labels, { fractions: [1 - (options.validationFraction ?? 0.1), options.validationFraction ?? 0.1], seed: options.seed ?? 42 });
    [train, validation] = split.map((indices) => subset(all, indices)) as [ImageSet, ImageSet];
  }
  return { train, validation, labels, description: `${path} (image folders): ${describe(train, labels)} train, ${describe(validation, labels)} val, ${size}×${size}` };
}

function classNames(path: string, names: readonly string[] | undefined, set: ImageSet): string[] {
  const classes = Math.max(...set.labels) + 1;
  if (!names) return Array.from({ length: Math.max(classes, 2) }, (_, i) => `class_${i}`);
  if (names.length < classes) throw new Error(`${path}: labels go up to ${classes - 1} but only ${names.length} class names were given`);
  return [...names];
}

function subset(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const size = set.height * set.width * set.channels;
  const images = new Uint8Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  Array.from(indices).forEach((index, i) => {
    images.set(set.images.subarray(index * size, (index + 1) * size), i * size);
    labels[i] = set.labels[index] as number;
  });
  return { ...set, images, labels, count: indices.length };
}

function describe(set: ImageSet, labels: readonly string[]): string {
  const counts = labels.map((label, c) => `${set.labels.filter((l) => l === c).length} ${label}`);
  return `${set.count} (${counts.join(', ')})`;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
