import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeAudio } from '@dl-suite/audio';
import type { Rng } from '@dl-suite/ml-training';
import { readFaster } from '../augment/speed-pitch';
import { DIGIT_WORDS, digitTranscript } from '../vocabulary';
import type { DigitRecording, Utterance } from './recording';
import { randomDigitString, type SyntheticStringOptions } from './synthetic-sets';
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

/** Every digit word said in isolation by each festival voice. */
export async function festivalDigitRecordings(voices: readonly FestivalVoice[]): Promise<DigitRecording[]> {
  const words = await festivalSpeak(voices.map((voice) => ({ voice, texts: [...DIGIT_WORDS] })));
  return voices.flatMap((voice, v) => words[v]!.map((samples, digit) => ({ digit, speaker: festivalVoiceId(voice), samples })));
}

/**
 * Whole digit strings ("four two seven") said by each festival voice in one go: festival's own
 * timing and coarticulation, as synthesizedDigitStrings gives espeak-ng's.
 */
export async function festivalDigitStrings(voices: readonly FestivalVoice[], rng: Rng, { perVoice, digits }: SyntheticStringOptions): Promise<Utterance[]> {
  const strings = voices.map(() => Array.from({ length: perVoice }, () => randomDigitString(rng, digits)));
  const spoken = await festivalSpeak(voices.map((voice, v) => ({ voice, texts: strings[v]!.map(digitTranscript) })));
  return voices.flatMap((voice, v) => spoken[v]!.map((samples, s) => ({ samples, digits: strings[v]![s]!, speaker: festivalVoiceId(voice) })));
}

const festivalVoiceId = (voice: FestivalVoice) => voiceId({ engine: 'festival', ...voice });

interface FestivalJob {
  voice: FestivalVoice;
  texts: string[];
}

/**
 * Each job's texts said by its voice, at 16 kHz. One `festival -b` process per base voice
 * synthesises all its jobs: a process spends ~2 s loading a voice, against ~50 ms per word. A
 * voice's `pitch` is applied afterwards by resampling, which moves the formants with the pitch
 * (a different vocal-tract length, not only a different F0); the synthesis tempo is set so that
 * the resampled result has tempo `speed`.
 */
async function festivalSpeak(jobs: readonly FestivalJob[]): Promise<Float32Array[][]> {
  const byBase = new Map<string, number[]>();
  for (const [j, { voice }] of jobs.entries()) {
    const group = byBase.get(voice.voice);
    if (group) group.push(j);
    else byBase.set(voice.voice, [j]);
  }
  const results: Float32Array[][] = [];
  await mapLimited([...byBase.values()], 2, async (indices) => {
    const spoken = await speakWithOneVoice(indices.map((j) => jobs[j]!));
    indices.forEach((j, k) => (results[j] = spoken[k]!));
  });
  return results;
}

async function speakWithOneVoice(jobs: readonly FestivalJob[]): Promise<Float32Array[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'speech-festival-'));
  try {
    const file = (job: number, text: number) => join(dir, `j${job}_${text}.wav`);
    const base = jobs[0]!.voice.voice;
    const lines = [`(voice_${base})`];
    jobs.forEach(({ voice: { speed, pitch }, texts }, j) => {
      lines.push(`(Parameter.set 'Duration_Stretch ${(pitch / speed).toFixed(3)})`);
      texts.forEach((text, t) => lines.push(`(utt.save.wave (utt.synth (Utterance Text "${text}")) "${file(j, t)}" 'riff)`));
    });
    await writeFile(join(dir, 'script.scm'), lines.join('\n'));
    await runFestival(join(dir, 'script.scm'), base);
    const spoken: Float32Array[][] = [];
    for (const [j, { voice, texts }] of jobs.entries()) {
      spoken.push([]);
      for (const t of texts.keys()) {
        const { samples } = await decodeAudio(new Uint8Array(await readFile(file(j, t))));
        spoken[j]!.push(voice.pitch === 1 ? samples : readFaster(samples, voice.pitch));
      }
    }
    return spoken;
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
