import type { Rng } from '@dl-suite/ml-training';

const SAMPLE_RATE = 16000;

export interface MaskingOptions {
  /** Silenced spans per utterance, uniform in [min, max]. */
  timeMasks: [number, number];
  /** Length of each silenced span in seconds, uniform. */
  timeMaskSeconds: [number, number];
  /** Suppressed frequency bands per utterance, uniform in [min, max]. */
  frequencyMasks: [number, number];
}

/**
 * SpecAugment's time and frequency masking (Park et al. 2019) done on the waveform, because the
 * spectrogram only exists inside the model graph: a time mask silences a span, a frequency mask
 * is a −30 dB peaking-EQ notch 100–400 Hz wide somewhere between 150 Hz and 3.4 kHz. The model
 * learns not to rely on any one short stretch or band — what differs between speakers.
 */
export function maskSignal(samples: Float32Array, rng: Rng, options: MaskingOptions): Float32Array {
  const count = ([lo, hi]: [number, number]) => lo + rng.int(hi - lo + 1);
  let out: Float32Array = samples.slice();
  for (let i = count(options.frequencyMasks); i > 0; i--) {
    out = peakingFilter(out, 150 + rng.next() * 3250, 100 + rng.next() * 300, -30);
  }
  const [shortest, longest] = options.timeMaskSeconds;
  for (let i = count(options.timeMasks); i > 0; i--) {
    const length = Math.round((shortest + rng.next() * (longest - shortest)) * SAMPLE_RATE);
    const start = rng.int(Math.max(1, out.length - length));
    out.fill(0, start, start + length);
  }
  return out;
}

/** RBJ audio-EQ-cookbook peaking filter: `gainDb` at `centreHz`, about `bandwidthHz` wide. */
export function peakingFilter(x: Float32Array, centreHz: number, bandwidthHz: number, gainDb: number): Float32Array {
  const a = 10 ** (gainDb / 40);
  const w0 = (2 * Math.PI * centreHz) / SAMPLE_RATE;
  const alpha = Math.sin(w0) / (2 * (centreHz / bandwidthHz));
  const [b0, b1, b2] = [1 + alpha * a, -2 * Math.cos(w0), 1 - alpha * a];
  const [a0, a1, a2] = [1 + alpha / a, -2 * Math.cos(w0), 1 - alpha / a];
  const y = new Float32Array(x.length);
  let [x1, x2, y1, y2] = [0, 0, 0, 0];
  for (let n = 0; n < x.length; n++) {
    const out = (b0 * x[n]! + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    [x2, x1, y2, y1] = [x1, x[n]!, y1, out];
    y[n] = out;
  }
  return y;
}
