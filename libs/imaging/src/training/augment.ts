import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@dl-suite/ml-training';
import { z } from 'zod';

/**
 * X-ray-safe augmentation: small rotations, shifts and zooms (patient positioning varies), and
 * brightness/contrast jitter (exposure varies). No flips: the heart sits on the patient's left, so
 * a mirrored film is not a plausible X-ray.
 */
export const augmentationSchema = z.object({
  maxRotationDegrees: z.number().min(0).max(45).default(10),
  /** Fraction of the image side. */
  maxShift: z.number().min(0).max(0.5).default(0.08),
  maxZoom: z.number().min(0).max(0.5).default(0.1),
  /** Additive, as a fraction of the pixel range. */
  maxBrightness: z.number().min(0).max(1).default(0.1),
  /** Multiplicative around each image's mean. */
  maxContrast: z.number().min(0).max(1).default(0.15),
});
export type Augmentation = z.infer<typeof augmentationSchema>;

/**
 * Returns a trainModel `augment` hook for NHWC float tensors that are normalised as
 * `(pixel/255 - mean) / std`: brightness is scaled by 1/std so it means the same in pixel units.
 */
export function createAugmenter(augmentation: Augmentation, rng: Rng, std: number): (x: tf.Tensor) => tf.Tensor {
  return (x) => {
    const [count = 0, height = 0, width = 0, channels = 0] = x.shape;
    const source = x.dataSync() as Float32Array;
    const out = new Float32Array(source.length);
    const size = height * width * channels;
    for (let n = 0; n < count; n++) {
      const image = source.subarray(n * size, (n + 1) * size);
      const target = out.subarray(n * size, (n + 1) * size);
      warp(image, target, height, width, channels, randomAffine(augmentation, rng, height, width));
      jitter(target, symmetric(rng) * augmentation.maxBrightness / std, 1 + symmetric(rng) * augmentation.maxContrast);
    }
    return tf.tensor(out, x.shape);
  };
}

/** Inverse map (output pixel → source pixel) about the image centre. */
interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  tx: number;
  ty: number;
}

function randomAffine(aug: Augmentation, rng: Rng, height: number, width: number): Affine {
  const angle = (symmetric(rng) * aug.maxRotationDegrees * Math.PI) / 180;
  const zoom = 1 + symmetric(rng) * aug.maxZoom;
  const shiftX = symmetric(rng) * aug.maxShift * width;
  const shiftY = symmetric(rng) * aug.maxShift * height;
  const cos = Math.cos(angle) / zoom;
  const sin = Math.sin(angle) / zoom;
  return { a: cos, b: sin, c: -sin, d: cos, tx: shiftX, ty: shiftY };
}

/** Bilinear resampling; outside the film the nearest edge pixel is repeated (no black corners). */
function warp(src: Float32Array, dst: Float32Array, height: number, width: number, channels: number, m: Affine): void {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - cx - m.tx;
      const dy = y - cy - m.ty;
      const sx = clamp(m.a * dx + m.b * dy + cx, 0, width - 1);
      const sy = clamp(m.c * dx + m.d * dy + cy, 0, height - 1);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(x0 + 1, width - 1);
      const y1 = Math.min(y0 + 1, height - 1);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c++) {
        const p00 = src[(y0 * width + x0) * channels + c] as number;
        const p01 = src[(y0 * width + x1) * channels + c] as number;
        const p10 = src[(y1 * width + x0) * channels + c] as number;
        const p11 = src[(y1 * width + x1) * channels + c] as number;
        const top = p00 + (p01 - p00) * fx;
        const bottom = p10 + (p11 - p10) * fx;
        dst[(y * width + x) * channels + c] = top + (bottom - top) * fy;
      }
    }
  }
}

function jitter(image: Float32Array, brightness: number, contrast: number): void {
  let mean = 0;
  for (const v of image) mean += v;
  mean /= image.length;
  for (let i = 0; i < image.length; i++) image[i] = ((image[i] as number) - mean) * contrast + mean + brightness;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Uniform in [-1, 1). */
function symmetric(rng: Rng): number {
  return rng.next() * 2 - 1;
}
