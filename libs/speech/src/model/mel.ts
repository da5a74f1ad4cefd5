/** The short-time Fourier transform and mel scale of the front end, as plain weight matrices. */
export interface SpectrogramConfig {
  sampleRate: number;
  /** Samples per analysis window (25 ms). */
  window: number;
  /** Samples between windows (10 ms). */
  hop: number;
  mels: number;
  /** Lowest and highest frequency the mel bands cover, in Hz. */
  fMin: number;
  fMax: number;
}

/** Number of DFT bins (spacing sampleRate / window) the mel bands need: every bin up to fMax. */
export function binCount({ sampleRate, window, fMax }: SpectrogramConfig): number {
  return Math.floor((fMax * window) / sampleRate) + 2;
}

/** Periodic Hann window, the usual STFT choice (it overlap-adds to a constant at 50 % and 75 % hops). */
export function hannWindow(length: number): Float64Array {
  return Float64Array.from({ length }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / length));
}

/**
 * Windowed DFT as a Conv1D kernel `[window, 1, 2·bins]` (tfjs layout, flattened): filter k < bins
 * is the real part `w[n]·cos(2πkn/N)` of bin k, filter bins + k the imaginary part `−w[n]·sin(…)`,
 * so the squared outputs summed in pairs are the power spectrum.
 */
export function dftKernel(config: SpectrogramConfig): Float32Array {
  const { window } = config;
  const bins = binCount(config);
  const hann = hannWindow(window);
  const kernel = new Float32Array(window * 2 * bins);
  for (let n = 0; n < window; n++) {
    for (let k = 0; k < bins; k++) {
      const phase = (2 * Math.PI * k * n) / window;
      kernel[n * 2 * bins + k] = hann[n]! * Math.cos(phase);
      kernel[n * 2 * bins + bins + k] = -hann[n]! * Math.sin(phase);
    }
  }
  return kernel;
}

const hzToMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/**
 * Triangular mel filters (HTK mel scale), `[bins, mels]` row-major: filter m rises from band edge
 * m to m+1 and falls to m+2, on `mels + 2` edges evenly spaced in mel between fMin and fMax.
 * `warp` scales every edge's frequency (vocal-tract-length warping: 1.06 reads a voice whose
 * formants sit 6 % higher as the unwarped bank reads a lower one); filters pushed past the
 * last DFT bin lose their top.
 */
export function melFilterbank(config: SpectrogramConfig, warp = 1): Float32Array {
  const { sampleRate, window, mels, fMin, fMax } = config;
  const bins = binCount(config);
  const edges = Array.from({ length: mels + 2 }, (_, i) => warp * melToHz(hzToMel(fMin) + ((hzToMel(fMax) - hzToMel(fMin)) * i) / (mels + 1)));
  const weights = new Float32Array(bins * mels);
  for (let k = 0; k < bins; k++) {
    const hz = (k * sampleRate) / window;
    for (let m = 0; m < mels; m++) {
      const [lo, mid, hi] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
      const rise = (hz - lo) / (mid - lo);
      const fall = (hi - hz) / (hi - mid);
      weights[k * mels + m] = Math.max(0, Math.min(rise, fall));
    }
  }
  return weights;
}
