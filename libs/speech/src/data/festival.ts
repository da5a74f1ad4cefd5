import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeAudio } from '@dl-suite/audio';
import { readFaster } from '../augment/speed-pitch';
import { DIGIT_WORDS } from '../vocabulary';
import type { DigitRecording } from './recording';
import { mapLimited, voiceId } from './synthesize';

const run = promisify(execFile);

/** Debian packages that provide `festival` and each voice it is asked for. */
const FESTIVAL_PACKAGES: Readonly<Record<string, string>> = {
  festival: 'festival',
  kal_diphone: 'festvox-kallpc16k',
  ked_diphone: 'festvox-kdlpc16k',
  cmu_us_slt_arctic_hts: 'festvox-us-slt-hts',
};

/** A festival voice (`kal_diphone`, `ked_diphone`, `cmu_us_slt_arctic_hts`) at a tempo and a pitch. */
export interface FestivalVoice {
  voice: string;
  /** Tempo factor, 1 = the voice's default rate. */
  speed: number;
  /** Pitch and formant factor, 1 = the voice's own. */
  pitch: number;
}

/**
 * Every digit word said in isolation by each festival voice. One `festival -b` process per
 * base voice synthesises all its words at all its tempos: a process spends ~2 s loading a voice,
 * against ~50 ms per word. A voice's `pitch` is applied afterwards by resampling, which moves the
 * formants with the pitch (a different vocal-tract length, not only a different F0); the
 * synthesis tempo is set so that the resampled result has tempo `speed`.
 */
export async function festivalDigitRecordings(voices: readonly FestivalVoice[]): Promise<DigitRecording[]> {
  const byBase = new Map<string, FestivalVoice[]>();
  for (const voice of voices) byBase.set(voice.voice, [...(byBase.get(voice.voice) ?? []), voice]);
  const perBase = await mapLimited([...byBase.values()], 2, synthesizeVoiceFamily);
  return perBase.flat();
}

async function synthesizeVoiceFamily(variants: readonly FestivalVoice[]): Promise<DigitRecording[]> {
  const dir = await mkdtemp(join(tmpdir(), 'speech-festival-'));
  try {
    const file = (variant: number, digit: number) => join(dir, `v${variant}_${digit}.wav`);
    const lines = [`(voice_${variants[0]!.voice})`];
    variants.forEach(({ speed, pitch }, v) => {
      lines.push(`(Parameter.set 'Duration_Stretch ${(pitch / speed).toFixed(3)})`);
      DIGIT_WORDS.forEach((word, digit) => lines.push(`(utt.save.wave (utt.synth (Utterance Text "${word}")) "${file(v, digit)}" 'riff)`));
    });
    await writeFile(join(dir, 'script.scm'), lines.join('\n'));
    await runFestival(join(dir, 'script.scm'), variants[0]!.voice);
    const recordings: DigitRecording[] = [];
    for (const [v, voice] of variants.entries()) {
      for (const digit of DIGIT_WORDS.keys()) {
        const { samples } = await decodeAudio(new Uint8Array(await readFile(file(v, digit))));
        recordings.push({ digit, speaker: voiceId({ engine: 'festival', ...voice }), samples: voice.pitch === 1 ? samples : readFaster(samples, voice.pitch) });
      }
    }
    return recordings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runFestival(script: string, voice: string): Promise<void> {
  try {
    await run('festival', ['-b', script]);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'festival' : voice;
    throw new Error(`festival could not synthesise with voice '${voice}' (Debian package ${FESTIVAL_PACKAGES[missing] ?? 'festival'}): ${(error as Error).message.split('\n')[0]}`);
  }
}
