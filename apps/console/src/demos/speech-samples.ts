import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Phrases we wrote, synthesised on request so no audio file is committed. Digit sequences, because
 * the bundled speech model recognises the ten digit words; a general model (MODEL=…) reads them too.
 */
export const SPEECH_PHRASES: readonly string[] = ['four two seven', 'one nine eight three', 'zero five six', 'two eight one four'];

/** A WAV of the phrase spoken by espeak-ng, or an Error saying why there is none. */
export async function synthesisePhrase(index: number): Promise<Buffer> {
  const text = SPEECH_PHRASES[index];
  if (text === undefined) throw new RangeError(`no sample phrase ${index}`);
  try {
    const { stdout } = await run('espeak-ng', ['-v', 'en-us', '-s', '140', '--stdout', text], {
      encoding: 'buffer',
      maxBuffer: 16 * 2 ** 20,
    });
    return stdout;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'espeak-ng is not installed (apt-get install espeak-ng)' : `espeak-ng failed: ${(error as Error).message}`);
  }
}
