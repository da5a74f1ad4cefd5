import type { PixelImage } from '@dl-suite/ml-runtime';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { occlusionSaliency } from './occlusion';
import { saliencyOverlayPng } from './overlay';

/**
 * A stand-in for any model: its "pneumonia" probability is the mean brightness of one 6×6 region.
 * Occlusion must find that region and nothing else, whatever model sits behind probabilities().
 */
const REGION = { x0: 18, y0: 4, size: 6 };
const regionModel = {
  async probabilities(images: readonly PixelImage[]) {
    return images.map((image) => {
      let sum = 0;
      for (let y = REGION.y0; y < REGION.y0 + REGION.size; y++) {
        for (let x = REGION.x0; x < REGION.x0 + REGION.size; x++) sum += image.data[y * image.width + x] as number;
      }
      const p = sum / (REGION.size * REGION.size * 255);
      return Float32Array.of(1 - p, p);
    });
  },
};

const bright: PixelImage = { data: new Uint8Array(28 * 28).fill(40).map((v, i) => (inRegion(i % 28, Math.floor(i / 28)) ? 250 : v)), width: 28, height: 28, channels: 1 };

function inRegion(x: number, y: number): boolean {
  return x >= REGION.x0 && x < REGION.x0 + REGION.size && y >= REGION.y0 && y < REGION.y0 + REGION.size;
}

describe('occlusionSaliency', () => {
  it('lights up exactly where the model looks, for the predicted class', async () => {
    const map = await occlusionSaliency(regionModel, bright);
    expect(map.classIndex).toBe(1);
    expect(map.width).toBe(28);
    const inside: number[] = [];
    const farAway: number[] = [];
    map.values.forEach((v, i) => {
      const x = i % 28;
      const y = Math.floor(i / 28);
      if (inRegion(x, y)) inside.push(v);
      else if (Math.abs(x - 20) > 8 || Math.abs(y - 7) > 8) farAway.push(v);
    });
    expect(Math.max(...map.values)).toBe(1);
    expect(Math.min(...inside)).toBeGreaterThan(0.3);
    expect(Math.max(...farAway)).toBe(0);
  });

  it('batches every occluded variant into one classifier call', async () => {
    const calls: number[] = [];
    const counting = { probabilities: async (images: readonly PixelImage[]) => (calls.push(images.length), regionModel.probabilities(images)) };
    const map = await occlusionSaliency(counting, bright, { patchesPerSide: 4 });
    expect(calls).toEqual([map.evaluations + 1]);
  });

  it('renders an overlay PNG enlarged to at least 224 px, red where the map is hot', async () => {
    const map = await occlusionSaliency(regionModel, bright);
    const png = await saliencyOverlayPng(bright, map);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([224, 224]);
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * 224 + x) * info.channels, (y * 224 + x) * info.channels + 3));
    const [hotR, , hotB] = pixel(20 * 8 + 4, 6 * 8 + 4);
    const cold = pixel(4 * 8, 24 * 8);
    expect(hotR).toBeGreaterThan((hotB as number) + 100);
    expect(cold[0]).toBe(cold[2]); // grey: no heat where occlusion changed nothing
  });
});
