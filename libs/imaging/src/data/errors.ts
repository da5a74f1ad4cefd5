/**
 * Why an uploaded image was refused. Statuses mirror AudioError: a format we do not decode is
 * 415, bytes that do not decode are 422, and an image over the pixel limit is 413 — like
 * audio over the length limit, the request asks for more work than the service accepts, even
 * when the body itself is small (a PNG bomb is a few hundred bytes).
 */
export type ImageErrorCode = 'unsupported_format' | 'undecodable' | 'empty' | 'too_many_pixels';

const STATUS: Record<ImageErrorCode, number> = { unsupported_format: 415, undecodable: 422, empty: 422, too_many_pixels: 413 };

export class ImageError extends Error {
  readonly status: number;

  constructor(
    readonly code: ImageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImageError';
    this.status = STATUS[code];
  }
}

/** A dataset file or folder that cannot be read: the message starts with the path. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    readonly path: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${reason}`, options);
  }
}
