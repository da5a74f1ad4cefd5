import { decodeDicom } from './dicom';
import { DEFAULT_MAX_PIXELS } from './pixel-limit';
import { decodeRaster } from './raster';
import { detectImageFormat } from './sniff';
import type { DecodedImage } from './types';

export interface DecodeImageOptions {
  /** Images with more pixels are refused with `too_many_pixels`, judged from the header (default 25 MP). */
  maxPixels?: number;
  /** The request's Content-Type: only `application/dicom` matters, to accept a bare DICOM data set. */
  contentType?: string;
}

/**
 * Decodes one uploaded PNG, JPEG or DICOM image to 8-bit grayscale or RGB at its own size.
 * The format comes from the bytes, not the Content-Type. Every refusal is an `ImageError`.
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeImageOptions = {}): Promise<DecodedImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(maxPixels > 0)) throw new RangeError(`decodeImage: maxPixels must be positive (got ${maxPixels})`);
  const format = detectImageFormat(bytes, options.contentType);
  const image = format === 'dicom' ? decodeDicom(bytes, maxPixels) : await decodeRaster(bytes, format, maxPixels);
  return { ...image, format };
}
