import type { Rng } from '@dl-suite/ml-training';
import type { DigitRecording } from '../data/recording';
import { perturbSpeedAndPitch } from './speed-pitch';

export interface TalkerVariantOptions {
  /** Perturbed copies of each speaker (each with its own speed and pitch). */
  perSpeaker: number;
  /** Tempo factors, drawn uniformly. */
  speed: [number, number];
  /** Pitch factors (formants move with them), drawn uniformly. */
  pitch: [number, number];
}

export const DEFAULT_TALKER_VARIANTS: TalkerVariantOptions = { perSpeaker: 3, speed: [0.85, 1.2], pitch: [0.85, 1.25] };

/**
 * New pseudo-speakers: each speaker's recordings again with one drawn speed and pitch, so that
 * an utterance joined from one pseudo-speaker has one consistent voice. Done once before
 * training because WSOLA and resampling cost ~10 ms per recording, too much per step.
 */
export function talkerVariants(recordings: readonly DigitRecording[], rng: Rng, options: TalkerVariantOptions = DEFAULT_TALKER_VARIANTS): DigitRecording[] {
  const speakers = [...new Set(recordings.map((r) => r.speaker))];
  const between = ([lo, hi]: [number, number]) => lo + rng.next() * (hi - lo);
  return speakers.flatMap((speaker) =>
    Array.from({ length: options.perSpeaker }, () => {
      const speed = between(options.speed);
      const pitch = between(options.pitch);
      const variant = `${speaker}~s${speed.toFixed(2)}p${pitch.toFixed(2)}`;
      return recordings
        .filter((r) => r.speaker === speaker)
        .map((r) => ({ digit: r.digit, speaker: variant, samples: perturbSpeedAndPitch(r.samples, speed, pitch) }));
    }).flat(),
  );
}
