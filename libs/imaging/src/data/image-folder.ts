import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeImage } from './decode-image';
import { DatasetError, ImageError } from './errors';
import { toModelInput, type ImageShape } from './model-input';
import { DEFAULT_MAX_PIXELS } from './pixel-limit';
import type { ImageSet } from './types';

export interface ReadImageFolderOptions extends Partial<ImageShape> {
  /** Per-file pixel limit, as for uploads (default 25 MP). */
  maxPixels?: number;
}

export interface ImageFolder extends ImageSet {
  /** Sub-folder names, sorted: `labels[i]` indexes this list. */
  classes: string[];
  /** The file behind each image, same order as `labels`. */
  files: string[];
}

// Files decoded at once: sharp works on libuv's 4 threads, so more would only queue.
const CONCURRENCY = 4;

/**
 * Reads `<dir>/<class>/<file>` images — PNG, JPEG or DICOM, recognised by content, not
 * extension — and brings each to the same shape (default 28×28 grayscale, centre-cropped
 * like MedMNIST) through the path uploads take. Hidden entries are skipped; a nested folder,
 * an empty class or a file that does not decode is a DatasetError naming it.
 */
export async function readImageFolder(dir: string, options: ReadImageFolderOptions = {}): Promise<ImageFolder> {
  const shape: ImageShape = { width: options.width ?? 28, height: options.height ?? 28, channels: options.channels ?? 1, fit: options.fit ?? 'cover' };
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const classes = (await visibleEntries(dir)).filter((e) => e.isDirectory()).map((e) => e.name);
  if (classes.length === 0) throw new DatasetError(dir, 'has no class sub-folders (expected <dir>/<class>/<image>)');

  const files: string[] = [];
  const labels: number[] = [];
  for (const [label, name] of classes.entries()) {
    const classDir = join(dir, name);
    const entries = await visibleEntries(classDir);
    const nested = entries.find((e) => e.isDirectory());
    if (nested) throw new DatasetError(join(classDir, nested.name), 'is a folder inside a class folder; images must sit directly in their class folder');
    if (entries.length === 0) throw new DatasetError(classDir, 'holds no images');
    for (const entry of entries) {
      files.push(join(classDir, entry.name));
      labels.push(label);
    }
  }

  const imageBytes = shape.height * shape.width * shape.channels;
  const images = new Uint8Array(files.length * imageBytes);
  await forEachConcurrently(files, CONCURRENCY, async (file, index) => {
    const pixels = await loadImage(file, shape, maxPixels);
    images.set(pixels, index * imageBytes);
  });
  return { images, labels: Int32Array.from(labels), count: files.length, height: shape.height, width: shape.width, channels: shape.channels, classes, files };
}

async function loadImage(file: string, shape: ImageShape, maxPixels: number): Promise<Uint8Array> {
  try {
    return await toModelInput(await decodeImage(await readFile(file), { maxPixels }), shape);
  } catch (error) {
    if (error instanceof ImageError) throw new DatasetError(file, error.message, { cause: error });
    throw error;
  }
}

/** Sorted by code point, so class indices do not depend on the locale. */
async function visibleEntries(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Runs `work` over `items` with at most `limit` in flight; the first failure stops new work and rejects. */
async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await work(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
