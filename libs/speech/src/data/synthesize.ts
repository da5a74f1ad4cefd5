import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeAudio } from '@dl-suite/audio';

const run = promisify(execFile);

export type SynthEngine = 'espeak-ng' | 'flite' | 'pico';

/** One synthetic talker: an engine's voice at a tempo and pitch. */
export interface SynthVoice {
  engine: SynthEngine;
  /** espeak-ng: `en-us+f3` (MBROLA voices: `mb-us1`); flite: `slt`, `awb`, `rms`, `kal16`, `kal`; pico: `en-US`, `en-GB`. */
  voice: string;
  /** Tempo factor, 1 = the engine's default rate. */
  speed: number;
  /** Pitch factor, 1 = the voice's default. */
  pitch: number;
}

/** Each engine's program and the Debian package that provides it. */
const PROGRAM: Record<SynthEngine, { command: string; debianPackage: string }> = {
  'espeak-ng': { command: 'espeak-ng', debianPackage: 'espeak-ng' },
  flite: { command: 'flite', debianPackage: 'flite' },
  pico: { command: 'pico2wave', debianPackage: 'libttspico-utils' },
};
const ESPEAK_WORDS_PER_MINUTE = 175;
const ESPEAK_PITCH = 50;
const FLITE_F0_HZ = 110;

/** `engine:voice@1.00x,p1.00`, the speaker name of a synthetic voice (festival voices too, see festival.ts). */
export function voiceId({ engine, voice, speed, pitch }: Pick<SynthVoice, 'voice' | 'speed' | 'pitch'> & { engine: string }): string {
  return `${engine}:${voice}@${speed.toFixed(2)}x,p${pitch.toFixed(2)}`;
}

/** The engine's command line writing `text` to the WAV file `out`. */
function commandLine({ engine, voice, speed, pitch }: SynthVoice, text: string, out: string): string[] {
  if (engine === 'espeak-ng') {
    const wpm = Math.round(ESPEAK_WORDS_PER_MINUTE * speed);
    const pitchParameter = Math.max(0, Math.min(99, Math.round(ESPEAK_PITCH * pitch)));
    return ['-w', out, '-v', voice, '-s', String(wpm), '-p', String(pitchParameter), text];
  }
  if (engine === 'pico') {
    // pico2wave has no rate or pitch flags; its SSML-like tags take percentages.
    const level = (factor: number) => String(Math.round(100 * factor));
    return ['-l', voice, '-w', out, `<speed level="${level(speed)}"><pitch level="${level(pitch)}">${text}</pitch></speed>`];
  }
  // duration_stretch > 1 is slower speech; int_f0_target_mean only moves the diphone voices (kal, kal16).
  return ['-voice', voice, '-t', text, '-o', out, '--setf', `duration_stretch=${(1 / speed).toFixed(3)}`,
    '--setf', `int_f0_target_mean=${Math.round(FLITE_F0_HZ * pitch)}`];
}

/**
 * Synthesises `text` with a voice, at 16 kHz (resampled from the engine's rate by decodeAudio).
 * Through a file: espeak-ng's `--stdout` WAV declares a placeholder length that decodeAudio
 * rightly refuses as truncated.
 */
export async function synthesize(text: string, voice: SynthVoice): Promise<Float32Array> {
  const dir = await mkdtemp(join(tmpdir(), 'speech-synth-'));
  try {
    const out = join(dir, 'speech.wav');
    await run(PROGRAM[voice.engine].command, commandLine(voice, text, out));
    return (await decodeAudio(new Uint8Array(await readFile(out)))).samples;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const { command, debianPackage } = PROGRAM[voice.engine];
      throw new Error(`'${command}' is not installed (Debian package ${debianPackage})`);
    }
    if (voice.voice.startsWith('mb-')) {
      // espeak-ng's last stderr line says what failed ("Could not load the specified mbrola voice file").
      const reason = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1) ?? (error as Error).message;
      throw new Error(`espeak-ng could not use MBROLA voice '${voice.voice}' (Debian packages mbrola and mbrola-${voice.voice.slice(3)}, section non-free): ${reason}`);
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `task` over `items` with at most `limit` in flight (one synthesiser process per core). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
