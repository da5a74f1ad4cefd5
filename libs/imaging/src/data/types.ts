import type { ImageFormat } from './sniff';

/** 8-bit pixels, row-major, channels interleaved (HWC): what decoders produce and models take. */
export interface RawImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** 1 = grayscale, 3 = RGB. */
  channels: 1 | 3;
}

export interface DecodedImage extends RawImage {
  format: ImageFormat;
}

/** Same-sized images with one class index each, as training reads them. */
export interface ImageSet {
  /** `count` images of `height × width × channels` bytes, back to back (NHWC). */
  images: Uint8Array;
  /** Class index per image. */
  labels: Int32Array;
  count: number;
  height: number;
  width: number;
  channels: 1 | 3;
}
