import { ImageError } from './errors';

/** 25 MP: a 5000×5000 image, above the largest digital radiographs and mammograms (~24 MP). */
export const DEFAULT_MAX_PIXELS = 25_000_000;

/** Checked from the header, before any pixel buffer is allocated. */
export function checkPixelLimit(width: number, height: number, maxPixels: number): void {
  const pixels = width * height;
  if (pixels > maxPixels) {
    const count = pixels.toLocaleString('en-US');
    throw new ImageError('too_many_pixels', `Image is ${width}×${height} (${count} pixels), over the ${maxPixels.toLocaleString('en-US')}-pixel limit`);
  }
}
