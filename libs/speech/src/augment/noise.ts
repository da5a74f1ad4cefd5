import type { Rng } from '@dl-suite/ml-training';

export type NoiseColour = 'white' | 'pink' | 'brown';
export const NOISE_COLOURS: readonly NoiseColour[] = ['white', 'pink', 'brown'];

const FRAME = 400;

/** Gaussian noise of a colour: white, pink (−3 dB/octave, Kellet's filter) or brown (−6 dB/octave, leaky integrator). */
export function colouredNoise(length: number, colour: NoiseColour, rng: Rng): Float32Array {
  const out = new Float32Array(length);
  let [b0, b1, b2, b3, b4, b5, b6] = [0, 0, 0, 0, 0, 0, 0];
  let brown = 0;
  for (let n = 0; n < length; n++) {
    const white = rng.normal();
    if (colour === 'white') out[n] = white;
    else if (colour === 'brown') out[n] = brown = 0.995 * brown + 0.1 * white;
    else {
      b0 = 0.99886 * b0 + white * 0.0555179;
      b1 = 0.99332 * b1 + white * 0.0750759;
      b2 = 0.969 * b2 + white * 0.153852;
      b3 = 0.8665 * b3 + white * 0.3104856;
      b4 = 0.55 * b4 + white * 0.5329522;
      b5 = -0.7616 * b5 - white * 0.016898;
      out[n] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
      b6 = white * 0.115926;
    }
  }
  return out;
}

/**
 * The speech level of a signal: mean power of its louder half of 25 ms frames, so that the pauses
 * of a connected-digit utterance do not lower it (and an SNR means the same for any pause length).
 */
export function speechPower(samples: Float32Array): number {
  const powers: number[] = [];
  for (let start = 0; start + FRAME <= samples.length; start += FRAME) {
    let sum = 0;
    for (let n = start; n < start + FRAME; n++) sum += samples[n]! * samples[n]!;
    powers.push(sum / FRAME);
  }
  if (powers.length === 0) return 0;
  powers.sort((a, b) => b - a);
  const loud = powers.slice(0, Math.ceil(powers.length / 2));
  return loud.reduce((a, b) => a + b, 0) / loud.length;
}

/** `samples` plus `noise` scaled to `snrDb` below the speech level (a new array). */
export function addNoise(samples: Float32Array, noise: Float32Array, snrDb: number): Float32Array {
  let noisePower = 0;
  for (let n = 0; n < samples.length; n++) noisePower += noise[n]! * noise[n]!;
  noisePower /= Math.max(1, samples.length);
  const scale = Math.sqrt(speechPower(samples) / Math.max(noisePower, 1e-20) / 10 ** (snrDb / 10));
  return samples.map((x, n) => x + scale * noise[n]!);
}
