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
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw undecodable(`${name} header does not decode`, error);
    });
  checkPixelLimit(header.width, header.height, maxPixels);
  const gray = header.space === 'b-w' || header.space === 'grey16';
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

function undecodable(what: string, error: unknown): ImageError {
  const detail = error instanceof Error ? error.message.split('\n')[0]?.trim() : String(error);
  return new ImageError('undecodable', detail ? `${what}: ${detail}` : what, { cause: error });
}
