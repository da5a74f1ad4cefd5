import { decodeAudio } from '../decode-audio';
import { AudioError } from '../errors';

/** The AudioError decodeAudio rejects with; anything else (success, another error) fails the test. */
export async function refusal(bytes: Uint8Array, maxSeconds?: number): Promise<AudioError> {
  const error = await decodeAudio(bytes, maxSeconds === undefined ? {} : { maxSeconds }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AudioError)) throw new Error(`expected an AudioError, got ${String(error)}`);
  return error;
}
