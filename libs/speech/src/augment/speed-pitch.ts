import { timeStretch } from './time-stretch';

/**
 * Speed and pitch perturbation of a 16 kHz signal. Resampling by the pitch factor shifts the
 * pitch and the formants together (as a smaller or larger vocal tract would) and changes the
 * tempo by the same factor; WSOLA then sets the tempo to `speed`. `speed` = `pitch` is Kaldi-style
 * speed perturbation (one resampling, no time stretch).
 */
export function perturbSpeedAndPitch(samples: Float32Array, speed: number, pitch: number): Float32Array {
  const shifted = pitch === 1 ? samples : readFaster(samples, pitch);
  const stretch = speed / pitch;
  return Math.abs(stretch - 1) < 1e-3 ? shifted : timeStretch(shifted, stretch);
}

/**
 * The signal played `factor` times faster: output n is the input at time n·factor, by Catmull-Rom
 * cubic interpolation. Not band-limited, and it need not be: the interpolation error and any
 * aliasing (factor > 1) land far above the 3.6 kHz the front end looks at, and it costs 4
 * multiply-adds per sample instead of a fresh windowed-sinc table per factor.
 */
export function readFaster(input: Float32Array, factor: number): Float32Array {
  const out = new Float32Array(Math.floor((input.length - 1) / factor) + 1);
  const at = (i: number) => input[Math.min(Math.max(i, 0), input.length - 1)]!;
  for (let n = 0; n < out.length; n++) {
    const position = n * factor;
    const i = Math.floor(position);
    const t = position - i;
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    out[n] = p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
  }
  return out;
}
