import type { ImageClassifier, PixelImage } from '@dl-suite/ml-runtime';

export interface OcclusionOptions {
  /** Patches per side (default 7: a patch is a 7th of the image, the stride half a patch). */
  patchesPerSide?: number;
}

export interface SaliencyMap {
  /** Row-major `[height, width]` at the image's resolution, in [0, 1]: how much hiding a pixel lowered the class's probability. */
  values: Float32Array;
  width: number;
  height: number;
  /** The class explained, and its probability on the intact image. */
  classIndex: number;
  probability: number;
  /** Model calls made (occluded variants, batched into one pipeline call). */
  evaluations: number;
}

/**
 * Occlusion sensitivity (Zeiler & Fergus 2014): grey out one square patch at a time and record how
 * much the probability of the explained class drops. It only needs the classifier's outputs, so it
 * explains any swapped-in model (ViT, ResNet, ours) the same way, unlike Grad-CAM, which needs
 * gradients and a convolutional layer. The patch is filled with the image's mean, not black, so the
 * model sees "no information" rather than a dark blob.
 */
export async function occlusionSaliency(
  classifier: Pick<ImageClassifier, 'probabilities'>,
  image: PixelImage,
  options: OcclusionOptions = {},
): Promise<SaliencyMap> {
  const { width, height, channels } = image;
  const perSide = options.patchesPerSide ?? 7;
  const patch = Math.max(1, Math.ceil(Math.max(width, height) / perSide));
  const stride = Math.max(1, Math.ceil(patch / 2));
  const xs = starts(width, patch, stride);
  const ys = starts(height, patch, stride);
  const fill = channelMeans(image);

  const variants: PixelImage[] = [];
  for (const y0 of ys) {
    for (const x0 of xs) {
      const data = Uint8Array.from(image.data);
      for (let y = y0; y < Math.min(y0 + patch, height); y++) {
        for (let x = x0; x < Math.min(x0 + patch, width); x++) {
          for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = fill[c] as number;
        }
      }
      variants.push({ ...image, data });
    }
  }
  const [intact, ...occluded] = await classifier.probabilities([image, ...variants]);
  if (!intact) throw new Error('the classifier returned no probabilities');
  const classIndex = intact.indexOf(Math.max(...intact));
  const probability = intact[classIndex] as number;

  const drop = new Float32Array(width * height);
  const coverage = new Float32Array(width * height);
  let v = 0;
  for (const y0 of ys) {
    for (const x0 of xs) {
      const delta = probability - ((occluded[v++]?.[classIndex] as number | undefined) ?? probability);
      for (let y = y0; y < Math.min(y0 + patch, height); y++) {
        for (let x = x0; x < Math.min(x0 + patch, width); x++) {
          drop[y * width + x] = (drop[y * width + x] as number) + delta;
          coverage[y * width + x] = (coverage[y * width + x] as number) + 1;
        }
      }
    }
  }
  // Only drops count as evidence for the class; normalise by the largest so maps are comparable.
  let max = 0;
  for (let i = 0; i < drop.length; i++) {
    drop[i] = Math.max(0, (drop[i] as number) / Math.max(coverage[i] as number, 1));
    max = Math.max(max, drop[i] as number);
  }
  if (max > 0) for (let i = 0; i < drop.length; i++) drop[i] = (drop[i] as number) / max;
  return { values: drop, width, height, classIndex, probability, evaluations: variants.length };
}

/** Patch origins covering [0, size) with the last patch flush against the edge. */
function starts(size: number, patch: number, stride: number): number[] {
  const out: number[] = [];
  for (let s = 0; s + patch < size; s += stride) out.push(s);
  out.push(Math.max(0, size - patch));
  return out;
}

function channelMeans(image: PixelImage): number[] {
  const sums = new Array<number>(image.channels).fill(0);
  for (let i = 0; i < image.data.length; i++) sums[i % image.channels] = (sums[i % image.channels] as number) + (image.data[i] as number);
  const pixels = image.width * image.height;
  return sums.map((s) => Math.round(s / pixels));
}
