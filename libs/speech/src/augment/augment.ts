import type { Rng } from '@dl-suite/ml-training';
import { maskSignal, type MaskingOptions } from './masking';
import { addNoise, colouredNoise, NOISE_COLOURS } from './noise';
import { randomReverb, reverberate } from './reverb';

export interface EnvironmentOptions {
  /** SNRs in dB to choose from for additive noise. */
  snrDb: readonly number[];
  noiseProbability: number;
  reverbProbability: number;
  /** Overall level change in dB, drawn uniformly; the peak is then kept below full scale. */
  gainDb: [number, number];
  /** SpecAugment-style masks (none when absent). */
  masking?: MaskingOptions;
}

export const DEFAULT_ENVIRONMENT: EnvironmentOptions = {
  snrDb: [5, 10, 15, 20, 30],
  noiseProbability: 0.6,
  reverbProbability: 0.3,
  gainDb: [-20, 6],
  masking: { timeMasks: [0, 2], timeMaskSeconds: [0.02, 0.08], frequencyMasks: [0, 2] },
};

/**
 * One random draw of the per-utterance augmentation chain, in the order a signal meets them:
 * the room (reverb), the environment (noise), then the masks, and the microphone level (gain). The talker's speed
 * and pitch are varied earlier, per speaker (see talker-variants.ts).
 */
export function augmentEnvironment(samples: Float32Array, rng: Rng, options: EnvironmentOptions = DEFAULT_ENVIRONMENT): Float32Array {
  let out = samples;
  if (rng.next() < options.reverbProbability) out = reverberate(out, randomReverb(rng));
  if (rng.next() < options.noiseProbability) {
    const colour = NOISE_COLOURS[rng.int(NOISE_COLOURS.length)]!;
    out = addNoise(out, colouredNoise(out.length, colour, rng), options.snrDb[rng.int(options.snrDb.length)]!);
  }
  if (options.masking) out = maskSignal(out, rng, options.masking);
  const [lo, hi] = options.gainDb;
  return applyGain(out, lo + rng.next() * (hi - lo));
}

function applyGain(samples: Float32Array, gainDb: number): Float32Array {
  let peak = 0;
  for (let n = 0; n < samples.length; n++) peak = Math.max(peak, Math.abs(samples[n]!));
  const scale = Math.min(10 ** (gainDb / 20), 0.99 / Math.max(peak, 1e-9));
  return samples.map((x) => x * scale);
}
