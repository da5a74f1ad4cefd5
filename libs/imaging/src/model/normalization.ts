import type { ImageSet } from '../data/types';

/** Per-channel statistics of pixels scaled to [0, 1]: the preprocessor's image_mean / image_std. */
export interface Normalization {
  mean: number[];
  std: number[];
}

export function fitNormalization(set: ImageSet): Normalization {
  const { channels, images } = set;
  const sum = new Float64Array(channels);
  const sumSq = new Float64Array(channels);
  for (let i = 0; i < images.length; i++) {
    const v = (images[i] as number) / 255;
    const c = i % channels;
    sum[c] = (sum[c] as number) + v;
    sumSq[c] = (sumSq[c] as number) + v * v;
  }
  const perChannel = images.length / channels;
  const mean = Array.from(sum, (s) => s / perChannel);
  const std = Array.from(sumSq, (s, c) => Math.sqrt(Math.max(s / perChannel - (mean[c] as number) ** 2, 1e-12)));
  return { mean: mean.map(round6), std: std.map(round6) };
}

// Rounded so the JSON config and the training tensors use the very same numbers.
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
