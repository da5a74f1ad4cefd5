import sharp from 'sharp';
import { ImageError } from './errors';
import { checkPixelLimit } from './pixel-limit';
import type { RawImage } from './types';

const NAMES = { png: 'PNG', jpeg: 'JPEG' } as const;

/**
 * Decodes PNG or JPEG with sharp (libvips) to 8-bit grayscale or RGB. The pixel limit is
 * checked on the header (sharp's `metadata()` reads no pixel data), so a bomb declaring
 * 100000×100000 costs nothing; `limitInputPixels` repeats the check inside the decoder.
 * Alpha is composited over black, EXIF orientation applied, 16-bit samples scaled to 8-bit.
 */
export async function decodeRaster(bytes: Uint8Array, format: 'png' | 'jpeg', maxPixels: number): Promise<RawImage> {
  const name = NAMES[format];
  const header =
    (format === 'png' ? pngHeader(bytes) : undefined) ??
    (await sharp(bytes, { limitInputPixels: false })
      .metadata()
      .then((m) => ({ width: m.width, height: m.height, gray: m.space === 'b-w' || m.space === 'grey16' }))
      .catch((error: unknown) => {
        throw undecodable(`${name} header does not decode`, error);
      }));
  checkPixelLimit(header.width, header.height, maxPixels);
  const { gray } = header;
  // failOn 'error' refuses truncated or corrupt pixel data but tolerates mere warnings (e.g. junk after the image).
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
    .autoOrient()
    .flatten()
    .toColourspace(gray ? 'b-w' : 'srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw undecodable(`${name} image does not decode (truncated or corrupt)`, error);
    });
  return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: gray ? 1 : 3 };
}

/**
 * Width, height and colour type straight from a PNG's IHDR chunk (always first, at a fixed
 * offset): for the small images a classifier takes, a second libvips call just to read them
 * costs as much as decoding. Undefined when the chunk is not where the format puts it.
 */
function pngHeader(bytes: Uint8Array): { width: number; height: number; gray: boolean } | undefined {
  if (bytes.length < 26 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const colourType = bytes[25];
  // Colour types 0 (grey) and 4 (grey + alpha); palette, RGB and RGBA decode to RGB.
  return { width: view.getUint32(16), height: view.getUint32(20), gray: colourType === 0 || colourType === 4 };
}

function undecodable(what: string, error: unknown): ImageError {
  const detail = error instanceof Error ? error.message.split('\n')[0]?.trim() : String(error);
  return new ImageError('undecodable', detail ? `${what}: ${detail}` : what, { cause: error });
}
