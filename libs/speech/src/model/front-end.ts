import * as tf from '@tensorflow/tfjs';
import { LogCompression } from './log-compression';
import { binCount, dftKernel, melFilterbank, type SpectrogramConfig } from './mel';

export interface FrontEndConfig extends SpectrogramConfig {
  /** Floor of the log: features are ln(1 + mel / logOffset), so digital silence is exactly 0. */
  logOffset: number;
  /**
   * Frames (odd) of the sliding mean each feature is centred on; 0 (default) turns it off. 81
   * helped early in training (run e4) but is not part of the best fully trained run (e3).
   */
  meanWindow: number;
}

/**
 * 25 ms Hann windows every 10 ms, 40 mel bands between 60 Hz and 3.6 kHz. The top is the flat end
 * of FSDD's passband (8 kHz recordings, resampled: the anti-imaging filter starts at 3.6 kHz), so
 * band-limited human recordings and full-band synthetic voices look alike to the model.
 */
export const FRONT_END: FrontEndConfig = { sampleRate: 16000, window: 400, hop: 160, mels: 40, fMin: 60, fMax: 3600, logOffset: 1e-4, meanWindow: 0 };

/**
 * Log-mel features inside the graph, from raw samples `[batch, samples]` to `[batch, frames, mels]`,
 * frames = floor((samples − window) / hop) + 1. Built from layers the ONNX exporter knows, with
 * fixed weights: the STFT is a strided Conv1D with cos/sin filters, the power spectrum the
 * square of its outputs, the mel filterbank a Dense layer whose kernel is stacked twice (so it
 * adds re² and im² while it sums bins, and is scaled by 1 / logOffset), the log a `LogCompression`
 * layer, ln(1 + x). Then sliding-window mean normalisation (`meanWindow` frames, 0.8 s): a fixed
 * 'same' Conv1D whose kernel is (centre tap − 1/window) on the diagonal subtracts each band's
 * local mean, which removes the microphone's and the talker's spectral tilt and the recording
 * level (a gain is an additive constant after the log). Its zero padding at the ends is what
 * silence looks like after ln(1 + x), so edges are treated as silence.
 */
export function logMelFrontEnd(samples: tf.SymbolicTensor, config: FrontEndConfig = FRONT_END): tf.SymbolicTensor {
  const bins = binCount(config);
  const column = tf.layers.reshape({ targetShape: [null as unknown as number, 1], name: 'frontend_column' }).apply(samples) as tf.SymbolicTensor;
  const stft = tf.layers.conv1d({
    name: 'frontend_stft',
    filters: 2 * bins,
    kernelSize: config.window,
    strides: config.hop,
    padding: 'valid',
    useBias: false,
    trainable: false,
    weights: [tf.tensor3d(dftKernel(config), [config.window, 1, 2 * bins])],
  }).apply(column) as tf.SymbolicTensor;
  const power = tf.layers.multiply({ name: 'frontend_power' }).apply([stft, stft]) as tf.SymbolicTensor;
  const melPower = melLayer(config, 'frontend_mel').apply(power) as tf.SymbolicTensor;
  const logMel = new LogCompression({ offset: 1, name: 'frontend_log' }).apply(melPower) as tf.SymbolicTensor;
  return config.meanWindow > 0 ? subtractSlidingMean(logMel, config.mels, config.meanWindow) : logMel;
}

/**
 * The Dense layer from the power of the STFT outputs (re² then im² of each bin) to mel power
 * scaled by 1 / logOffset: the mel filterbank stacked twice. `warp`: see melFilterbank.
 */
export function melLayer(config: FrontEndConfig, name: string, warp = 1): tf.layers.Layer {
  const bins = binCount(config);
  const mel = melFilterbank(config, warp).map((w) => w / config.logOffset);
  const stacked = new Float32Array(2 * mel.length);
  stacked.set(mel);
  stacked.set(mel, mel.length);
  return tf.layers.dense({ name, units: config.mels, useBias: false, trainable: false, weights: [tf.tensor2d(stacked, [2 * bins, config.mels])] });
}

function subtractSlidingMean(features: tf.SymbolicTensor, channels: number, window: number): tf.SymbolicTensor {
  if (window % 2 !== 1) throw new RangeError(`meanWindow must be odd (got ${window})`);
  const kernel = new Float32Array(window * channels * channels);
  const centre = (window - 1) / 2;
  for (let t = 0; t < window; t++) {
    for (let c = 0; c < channels; c++) kernel[(t * channels + c) * channels + c] = (t === centre ? 1 : 0) - 1 / window;
  }
  return tf.layers.conv1d({
    name: 'frontend_mean_norm',
    filters: channels,
    kernelSize: window,
    padding: 'same',
    useBias: false,
    trainable: false,
    weights: [tf.tensor3d(kernel, [window, channels, channels])],
  }).apply(features) as tf.SymbolicTensor;
}

/** Feature frames the front end makes of `samples` samples (0 if shorter than one window). */
export function frontEndFrames(samples: number, config: FrontEndConfig = FRONT_END): number {
  return samples < config.window ? 0 : Math.floor((samples - config.window) / config.hop) + 1;
}
