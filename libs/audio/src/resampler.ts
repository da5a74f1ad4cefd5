export interface ResamplerOptions {
  from: number;
  to: number;
  /** End of the flat passband as a fraction of the lower Nyquist frequency (default 0.9). */
  passband?: number;
  /** Start of the stopband as a fraction of the lower Nyquist frequency (default 0.98). */
  stopband?: number;
  /** Stopband attenuation the Kaiser window is designed for, in dB (default 70). */
  attenuationDb?: number;
}

// Exact polyphase tables up to this many phases; odd rate pairs beyond it round the phase to
// the nearest of this many (timing error ≤ 1/8192 input sample, far below 16-bit noise for speech).
const MAX_PHASES = 4096;

/**
 * Streaming band-limited resampler: a Kaiser-windowed sinc low-pass evaluated in polyphase form
 * (one coefficient set per output phase), so each output sample costs one dot product. The
 * filter is centred on the output instant, so there is no delay: output n sits at input time
 * n·from/to. The cutoff follows the lower of the two Nyquist frequencies, which makes it the
 * anti-aliasing filter when downsampling and the anti-imaging filter when upsampling.
 */
export class Resampler {
  private readonly up: number;
  private readonly down: number;
  private readonly phases: number;
  private readonly half: number;
  private readonly taps: number;
  private readonly coefficients: Float32Array;
  /** Input samples kept for the filter window; buffer[0] is input index bufferStart. */
  private buffer: Float32Array;
  private bufferStart: number;
  private received = 0;
  private nextOutput = 0;

  constructor(options: ResamplerOptions) {
    const { from, to, passband = 0.9, stopband = 0.98, attenuationDb = 70 } = options;
    for (const [name, rate] of [['from', from], ['to', to]] as const) {
      if (!Number.isInteger(rate) || rate <= 0) throw new RangeError(`Resampler: '${name}' must be a positive integer rate (got ${rate})`);
    }
    if (!(passband > 0 && passband < stopband && stopband <= 1)) {
      throw new RangeError(`Resampler: need 0 < passband < stopband <= 1 (got ${passband}, ${stopband})`);
    }
    const divisor = gcd(from, to);
    this.up = to / divisor;
    this.down = from / divisor;
    this.phases = Math.min(this.up, MAX_PHASES);
    // Frequencies in cycles per input sample.
    const nyquist = 0.5 * Math.min(1, to / from);
    const cutoff = (nyquist * (passband + stopband)) / 2;
    const transition = nyquist * (stopband - passband);
    // Kaiser's design formulas (Oppenheim & Schafer 7.6): length from attenuation and transition width.
    this.half = Math.max(1, Math.ceil((attenuationDb - 8) / (2.285 * 2 * Math.PI * transition) / 2));
    this.taps = 2 * this.half;
    const beta = attenuationDb > 50 ? 0.1102 * (attenuationDb - 8.7) : 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
    this.coefficients = polyphaseTable(this.phases, this.half, cutoff, beta);
    this.buffer = new Float32Array(this.half); // zeros before the first sample
    this.bufferStart = -this.half;
  }

  /** Resamples the next chunk; returns the outputs whose filter window is complete. */
  process(input: Float32Array): Float32Array {
    if (this.up === this.down) return input;
    this.append(input);
    this.received += input.length;
    return this.emit(Infinity);
  }

  /** Ends the stream (zeros after the last sample) and returns the remaining outputs. */
  flush(): Float32Array {
    if (this.up === this.down) return new Float32Array(0);
    this.append(new Float32Array(this.half + 1));
    return this.emit(Math.ceil((this.received * this.up) / this.down));
  }

  private append(input: Float32Array): void {
    const merged = new Float32Array(this.buffer.length + input.length);
    merged.set(this.buffer);
    merged.set(input, this.buffer.length);
    this.buffer = merged;
  }

  private emit(limit: number): Float32Array {
    const { up, down, half, taps, phases, coefficients, buffer, bufferStart } = this;
    const end = bufferStart + buffer.length;
    // Outputs n with floor(n·down/up) + half < end have a complete window (+1 for phase rounding).
    const ready = Math.min(limit, Math.ceil(((end - half) * up) / down) + 1);
    const out = new Float32Array(Math.max(0, ready - this.nextOutput));
    let count = 0;
    for (let n = this.nextOutput; n < ready; n++) {
      let index = Math.floor((n * down) / up);
      let phase = n * down - index * up;
      if (phases !== up) {
        phase = Math.round((phase * phases) / up);
        if (phase === phases) [index, phase] = [index + 1, 0];
      }
      if (index + half >= end) break;
      const base = index - half + 1 - bufferStart;
      const row = phase * taps;
      out[count++] = dot(coefficients, row, buffer, base, taps);
    }
    this.nextOutput += count;
    // Keep only what the next output's window can still reach.
    const keepFrom = Math.floor((this.nextOutput * down) / up) - half + 1 - bufferStart;
    if (keepFrom > 0) {
      this.buffer = buffer.slice(keepFrom);
      this.bufferStart += keepFrom;
    }
    return out.subarray(0, count);
  }
}

/** One-shot resampling of a whole signal. */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  const resampler = new Resampler({ from, to });
  const head = resampler.process(input);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/**
 * Row p holds the taps for an output that falls p/phases of the way between two input samples:
 * tap j weights input (index - half + 1 + j), at distance t = p/phases + half - 1 - j from the output.
 * Each row is scaled to sum to one, so every phase passes DC with unit gain.
 */
function polyphaseTable(phases: number, half: number, cutoff: number, beta: number): Float32Array {
  const taps = 2 * half;
  const table = new Float32Array(phases * taps);
  const row = new Float64Array(taps);
  const norm = besselI0(beta);
  for (let p = 0; p < phases; p++) {
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      const t = p / phases + half - 1 - j;
      const x = t / half;
      const window = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / norm;
      row[j] = 2 * cutoff * sinc(2 * cutoff * t) * window;
      sum += row[j] as number;
    }
    for (let j = 0; j < taps; j++) table[p * taps + j] = (row[j] as number) / sum;
  }
  return table;
}

/** Σ a[i+j]·b[k+j], j < n (n even); two accumulators let the engine overlap the multiply-adds. */
function dot(a: Float32Array, i: number, b: Float32Array, k: number, n: number): number {
  let even = 0;
  let odd = 0;
  for (let j = 0; j < n; j += 2) {
    even += (a[i + j] as number) * (b[k + j] as number);
    odd += (a[i + j + 1] as number) * (b[k + j + 1] as number);
  }
  return even + odd;
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

/** Zeroth-order modified Bessel function of the first kind, by its power series. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; term > 1e-12 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
