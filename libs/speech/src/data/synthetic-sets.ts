import type { Rng } from '@dl-suite/ml-training';
import { DIGIT_WORDS, digitTranscript } from '../vocabulary';
import type { DigitRecording, Utterance } from './recording';
import { mapLimited, synthesize, voiceId, type SynthVoice } from './synthesize';

const PROCESSES = 2;

/** Every digit word said in isolation by each voice: synthetic "speakers" for the connected-digit builder. */
export async function synthesizedDigitRecordings(voices: readonly SynthVoice[]): Promise<DigitRecording[]> {
  const jobs = voices.flatMap((voice) => DIGIT_WORDS.map((word, digit) => ({ voice, word, digit })));
  return mapLimited(jobs, PROCESSES, async ({ voice, word, digit }) => ({
    digit,
    speaker: voiceId(voice),
    samples: await synthesize(word, voice),
  }));
}

export interface SyntheticStringOptions {
  /** Utterances per voice. */
  perVoice: number;
  /** Digits per utterance, uniform in [min, max]. */
  digits: [number, number];
}

/**
 * Whole digit strings spoken by a synthesiser in one go ("four two seven"): its own timing and
 * coarticulation, unlike recordings joined by the builder.
 */
export async function synthesizedDigitStrings(voices: readonly SynthVoice[], rng: Rng, { perVoice, digits }: SyntheticStringOptions): Promise<Utterance[]> {
  const jobs = voices.flatMap((voice) => Array.from({ length: perVoice }, () => ({ voice, digits: randomDigitString(rng, digits) })));
  return mapLimited(jobs, PROCESSES, async ({ voice, digits }) => ({
    samples: await synthesize(digitTranscript(digits), voice),
    digits,
    speaker: voiceId(voice),
  }));
}

/** A digit string for a synthesiser to say: length uniform in [min, max], digits uniform. */
export function randomDigitString(rng: Rng, [lo, hi]: [number, number]): number[] {
  return Array.from({ length: lo + rng.int(hi - lo + 1) }, () => rng.int(10));
}
