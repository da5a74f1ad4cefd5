import type { Rng } from '@dl-suite/ml-training';

const SAMPLE_RATE = 16000;
// Schroeder's mutually prime comb and all-pass delays (ms), scaled by a random room size.
const COMB_MS = [29.7, 37.1, 41.1, 43.7];
const ALLPASS_MS = [5.0, 1.7];
const ALLPASS_GAIN = 0.7;

export interface ReverbOptions {
  /** Time for the tail to decay by 60 dB, in seconds. */
  rt60: number;
  /** Share of reverberant signal in the mix, 0–1. */
  wet: number;
  /** Scales the delays (room size), around 1. */
  size: number;
}

/**
 * Simple room reverberation: a Schroeder reverberator (four parallel feedback combs, whose gains
 * give the requested RT60, into two all-pass diffusers), mixed with the dry signal. O(n) per
 * sample, unlike convolving with a measured impulse response, so it can run per utterance.
 */
export function reverberate(samples: Float32Array, { rt60, wet, size }: ReverbOptions): Float32Array {
  const tail = Math.round(rt60 * SAMPLE_RATE * 0.5);
  const input = new Float32Array(samples.length + tail);
  input.set(samples);
  const combSum = new Float32Array(input.length);
  for (const ms of COMB_MS) {
    const delay = Math.max(1, Math.round((ms * size * SAMPLE_RATE) / 1000));
    // Each pass through the loop attenuates by g: 60 dB after rt60 seconds.
    const gain = 10 ** ((-3 * delay) / (rt60 * SAMPLE_RATE));
    const line = new Float32Array(input.length);
    for (let n = 0; n < input.length; n++) {
      line[n] = input[n]! + (n >= delay ? gain * line[n - delay]! : 0);
      combSum[n]! += line[n]!;
    }
  }
  let diffused: Float32Array = combSum;
  for (const ms of ALLPASS_MS) diffused = allPass(diffused, Math.max(1, Math.round((ms * size * SAMPLE_RATE) / 1000)));
  const dryRms = rms(samples);
  const wetScale = dryRms / Math.max(rms(diffused), 1e-9);
  const out = new Float32Array(input.length);
  for (let n = 0; n < out.length; n++) out[n] = (1 - wet) * input[n]! + wet * wetScale * diffused[n]!;
  return out;
}

export function randomReverb(rng: Rng): ReverbOptions {
  return { rt60: 0.15 + rng.next() * 0.6, wet: 0.1 + rng.next() * 0.4, size: 0.6 + rng.next() * 0.9 };
}

function allPass(x: Float32Array, delay: number): Float32Array {
  const y = new Float32Array(x.length);
  for (let n = 0; n < x.length; n++) {
    const delayedX = n >= delay ? x[n - delay]! : 0;
    const delayedY = n >= delay ? y[n - delay]! : 0;
    y[n] = -ALLPASS_GAIN * x[n]! + delayedX + ALLPASS_GAIN * delayedY;
  }
  return y;
}

function rms(x: Float32Array): number {
  let sum = 0;
  for (let n = 0; n < x.length; n++) sum += x[n]! * x[n]!;
  return Math.sqrt(sum / Math.max(1, x.length));
}
