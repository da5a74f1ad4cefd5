import sharp from 'sharp';
import type { PixelImage } from '@dl-suite/ml-runtime';
import type { SaliencyMap } from './occlusion';

/** Small inputs (28 px) are enlarged so the overlay is readable in a browser; big ones are kept. */
const MIN_OVERLAY_SIDE = 224;
const MAX_ALPHA = 0.6;

/**
 * The image in grey with the saliency map on top as a translucent heat colour (transparent where
 * hiding the pixel changed nothing, opaque red-yellow where it mattered most), as a PNG.
 */
export async function saliencyOverlayPng(image: PixelImage, saliency: SaliencyMap): Promise<Uint8Array> {
  const { width, height } = saliency;
  const scale = Math.max(1, Math.ceil(MIN_OVERLAY_SIDE / Math.min(width, height)));
  const size = { width: width * scale, height: height * scale };

  const heat = new Uint8Array(width * height * 4);
  saliency.values.forEach((v, i) => {
    const [r, g, b] = heatColour(v);
    heat.set([r, g, b, Math.round(v * MAX_ALPHA * 255)], i * 4);
  });
  const heatLayer = await sharp(heat, { raw: { width, height, channels: 4 } })
    .resize({ ...size, kernel: 'cubic' })
    .png()
    .toBuffer();
  const base = sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: image.channels } })
    .toColourspace('b-w')
    .resize({ ...size, kernel: 'nearest' })
    .toColourspace('srgb');
  return new Uint8Array(await base.composite([{ input: heatLayer }]).png().toBuffer());
}

/** Dark red → red → yellow as saliency grows (the "hot" map, readable on a grey film). */
function heatColour(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, v));
  return [Math.round(Math.min(1, 0.4 + t * 1.2) * 255), Math.round(Math.max(0, t * 2 - 1) * 255), 0];
}
