import sharp from 'sharp';
import type { RawImage } from './types';

/** The pixel grid a model takes. */
export interface ImageShape {
  width: number;
  height: number;
  channels: 1 | 3;
  /**
   * How to reach another aspect ratio (sharp's names): `cover` (default) scales the short side
   * and centre-crops the long one, the way MedMNIST made its 2D sets; `fill` stretches;
   * `contain` letterboxes with black.
   */
  fit?: 'cover' | 'fill' | 'contain';
}

/**
 * Resizes (Lanczos-3) and converts a decoded image to exactly `height × width × channels`
 * bytes. Gray → RGB copies the channel; RGB → gray is sharp's luminance (gray inputs stay
 * exact). Used for training folders and service uploads alike, so both see the same pixels.
 */
export async function toModelInput(image: RawImage, shape: ImageShape): Promise<Uint8Array> {
  if (image.width === shape.width && image.height === shape.height && image.channels === shape.channels) return image.pixels;
  const { data } = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(shape.width, shape.height, { fit: shape.fit ?? 'cover', background: { r: 0, g: 0, b: 0 } })
    .toColourspace(shape.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
