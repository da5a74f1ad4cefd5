import { fileURLToPath } from 'node:url';
import { readMedMnist } from '../data/medmnist';
import type { ImageSet } from '../data/types';

/** The shared PneumoniaMNIST copy beside the checkout (README: datasets). */
export const PNEUMONIA_NPZ = fileURLToPath(new URL('../../../../../shared/datasets/medmnist/pneumoniamnist.npz', import.meta.url));

export async function pneumoniaSplits(): Promise<{ train: ImageSet; val: ImageSet }> {
  const { splits } = await readMedMnist(PNEUMONIA_NPZ);
  if (!splits.train || !splits.val) throw new Error(`${PNEUMONIA_NPZ} lacks train/val`);
  return { train: splits.train, val: splits.val };
}

/** The first `count` images of a set (PneumoniaMNIST is not sorted by class, so both classes appear). */
export function head(set: ImageSet, count: number): ImageSet {
  const size = set.height * set.width * set.channels;
  return { ...set, count, images: set.images.subarray(0, count * size), labels: set.labels.subarray(0, count) };
}
