/** A sine of `seconds` at `frequency` Hz sampled at `rate`. */
export function tone(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / rate));
}

/**
 * Amplitude of the `frequency` component of `signal` (Hann-windowed DFT bin), measured away
 * from the edges so that start/end transients do not count.
 */
export function toneAmplitude(signal: Float32Array, rate: number, frequency: number): number {
  const start = Math.floor(signal.length / 4);
  const length = Math.floor(signal.length / 2);
  let re = 0;
  let im = 0;
  let gain = 0;
  for (let n = 0; n < length; n++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (length - 1));
    const x = (signal[start + n] as number) * w;
    const phase = (2 * Math.PI * frequency * (start + n)) / rate;
    re += x * Math.cos(phase);
    im -= x * Math.sin(phase);
    gain += w;
  }
  return (2 * Math.hypot(re, im)) / gain;
}

export const decibels = (ratio: number) => 20 * Math.log10(ratio);

/** Highest normalised correlation of `a` and `b` over shifts of up to `maxLag` samples (codecs add delay). */
export function bestCorrelation(a: Float32Array, b: Float32Array, maxLag: number): { correlation: number; lag: number } {
  let best = { correlation: -1, lag: 0 };
  for (let lag = -maxLag; lag <= maxLag; lag += 1) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
      const x = a[i] as number;
      const y = b[i + lag] as number;
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    const correlation = ab / Math.sqrt(aa * bb || 1);
    if (correlation > best.correlation) best = { correlation, lag };
  }
  return best;
}
