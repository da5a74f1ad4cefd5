import { decodeImage, type DecodeImageOptions } from '../decode-image';
import { ImageError } from '../errors';

/** The ImageError decodeImage rejects with; anything else (success, another error) fails the test. */
export async function refusal(bytes: Uint8Array, options?: DecodeImageOptions): Promise<ImageError> {
  const error = await decodeImage(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ImageError)) throw new Error(`expected an ImageError, got ${String(error)}`);
  return error;
}
