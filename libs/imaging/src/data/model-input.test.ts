import { describe, expect, it } from 'vitest';
import { toModelInput } from './model-input';
import type { RawImage } from './types';

const image = (pixels: number[], width: number, height: number, channels: 1 | 3): RawImage => ({ pixels: Uint8Array.from(pixels), width, height, channels });

describe('toModelInput', () => {
  it('passes an image already in shape through untouched', async () => {
    const gray = image([1, 2, 3, 4], 2, 2, 1);
    expect(await toModelInput(gray, { width: 2, height: 2, channels: 1 })).toBe(gray.pixels);
  });

  it('converts gray to RGB by copying, and gray-valued RGB back exactly', async () => {
    const rgb = await toModelInput(image([0, 90, 255], 3, 1, 1), { width: 3, height: 1, channels: 3 });
    expect([...rgb]).toEqual([0, 0, 0, 90, 90, 90, 255, 255, 255]);
    expect([...(await toModelInput(image([...rgb], 3, 1, 3), { width: 3, height: 1, channels: 1 }))]).toEqual([0, 90, 255]);
  });

  it('centre-crops to the target aspect by default, stretches with fit: fill', async () => {
    // 6×2 with columns 0 0 100 100 255 255: the centred 2×2 square is all 100.
    const wide = image([0, 0, 100, 100, 255, 255, 0, 0, 100, 100, 255, 255], 6, 2, 1);
    expect([...(await toModelInput(wide, { width: 2, height: 2, channels: 1 }))]).toEqual([100, 100, 100, 100]);
    const [left = 0, right = 0] = await toModelInput(wide, { width: 2, height: 2, channels: 1, fit: 'fill' });
    expect(left).toBeLessThan(60);
    expect(right).toBeGreaterThan(180);
  });

  it('downsizes a large image to the model size', async () => {
    const out = await toModelInput(image(new Array(56 * 56).fill(77), 56, 56, 1), { width: 28, height: 28, channels: 1 });
    expect(out).toEqual(new Uint8Array(28 * 28).fill(77));
  });
});
