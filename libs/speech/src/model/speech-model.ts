import * as tf from '@tensorflow/tfjs';
import { VOCABULARY } from '../vocabulary';
import { FRONT_END, logMelFrontEnd, type FrontEndConfig } from './front-end';

export interface AcousticModelConfig {
  /** Channels of every convolution. */
  channels: number;
  /** Residual convolutions at the output frame rate, after the downsampling ones. */
  blocks: number;
  /** Kernel width of those convolutions, in output frames. */
  kernelSize: number;
  dropout: number;
  /** Subtract each utterance's mean log-mel spectrum (cepstral mean normalisation) before the learnt feature BatchNorm. */
  utteranceMeanNorm: boolean;
  /**
   * Stride-2 convolutions after the front end: 1 → 20 ms output frames, 2 → 40 ms. Two doubled
   * the residual blocks' reach (±0.4 s, a whole digit word) and cut the held-out speaker's
   * digit error rate at 500 steps from 0.49 to 0.34 (EXPERIMENTS.md, run D2).
   */
  downsamplings: number;
  seed: number;
}

export const DEFAULT_ACOUSTIC_MODEL: AcousticModelConfig = { channels: 128, blocks: 4, kernelSize: 5, dropout: 0.1, utteranceMeanNorm: false, downsamplings: 2, seed: 17 };

/**
 * Moving-statistics momentum of every BatchNorm (PyTorch's default; Keras' 0.99 averages over
 * ~100 steps, which lags a model trained for only ~1,500 steps so far behind that inference-mode
 * outputs were measured far worse than training-mode ones).
 */
const BN_MOMENTUM = 0.9;

/** Kernel of the stride-2 convolution: the only 'valid' layer after the front end, so it fixes the frame count. */
const DOWNSAMPLE_KERNEL = 3;

/** How output frames relate to samples: what config.json's conv_stride / conv_kernel state for loaders. */
export function outputFraming(config: Pick<AcousticModelConfig, 'downsamplings'> = DEFAULT_ACOUSTIC_MODEL, frontEnd: FrontEndConfig = FRONT_END): Framing {
  let hop = frontEnd.hop;
  let window = frontEnd.window;
  for (let i = 0; i < config.downsamplings; i++) {
    window += (DOWNSAMPLE_KERNEL - 1) * hop;
    hop *= 2;
  }
  return { hop, window };
}

/** Samples between output frames and samples under the first one. */
export interface Framing {
  hop: number;
  window: number;
}

/** Logit frames for `samples` input samples (0 when the input is shorter than one output frame's window). */
export function outputFrames(samples: number, framing: Framing = outputFraming()): number {
  const { hop, window } = framing;
  return samples < window ? 0 : Math.floor((samples - window) / hop) + 1;
}

/**
 * Raw 16 kHz samples `input_values [batch, samples]` → CTC `logits [batch, frames, vocab]`, one
 * frame per 10 ms × 2^downsamplings. After the fixed log-mel front end: BatchNorm (the feature
 * standardisation, learnt), a 'same' convolution at 10 ms, `downsamplings` stride-2 'valid' convolutions, then `blocks`
 * residual 'same' convolutions, each Conv → BatchNorm → ReLU, and a Dense layer per frame.
 * Only layers the ONNX exporter converts exactly (no recurrent layers, no 'same' strided conv).
 */
export function buildSpeechModel(config: AcousticModelConfig = DEFAULT_ACOUSTIC_MODEL, frontEnd: FrontEndConfig = FRONT_END): tf.LayersModel {
  const { channels, blocks, kernelSize, dropout, utteranceMeanNorm, downsamplings, seed } = config;
  let layerSeed = seed;
  const initializer = () => tf.initializers.heNormal({ seed: layerSeed++ });
  const convBlock = (x: tf.SymbolicTensor, name: string, options: { kernelSize: number; strides?: number; padding: 'same' | 'valid' }) => {
    const conv = tf.layers.conv1d({ name, filters: channels, useBias: false, kernelInitializer: initializer(), ...options }).apply(x);
    const normed = tf.layers.batchNormalization({ name: `${name}_bn`, momentum: BN_MOMENTUM }).apply(conv);
    return tf.layers.activation({ name: `${name}_relu`, activation: 'relu' }).apply(normed) as tf.SymbolicTensor;
  };

  const samples = tf.input({ shape: [null as unknown as number], name: 'input_values' });
  const logMel = logMelFrontEnd(samples, frontEnd);
  const features = utteranceMeanNorm ? subtractUtteranceMean(logMel, frontEnd.mels) : logMel;
  let x = tf.layers.batchNormalization({ name: 'feature_norm', momentum: BN_MOMENTUM }).apply(features) as tf.SymbolicTensor;
  x = convBlock(x, 'conv_10ms', { kernelSize: 5, padding: 'same' });
  for (let i = 0; i < downsamplings; i++) {
    x = convBlock(x, i === 0 ? 'conv_downsample' : `conv_downsample${i}`, { kernelSize: DOWNSAMPLE_KERNEL, strides: 2, padding: 'valid' });
  }
  for (let i = 0; i < blocks; i++) {
    const y = convBlock(x, `conv_block${i}`, { kernelSize, padding: 'same' });
    x = tf.layers.add({ name: `residual${i}` }).apply([x, y]) as tf.SymbolicTensor;
  }
  x = tf.layers.dropout({ rate: dropout, name: 'dropout' }).apply(x) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ name: 'logits', units: VOCABULARY.length, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed++ }) }).apply(x);
  return tf.model({ inputs: samples, outputs: logits as tf.SymbolicTensor, name: 'connected_digits_ctc' });
}

/**
 * x − mean over time of x, per band, from layers the exporter converts: the time average
 * (GlobalAveragePooling1D), reshaped to one frame, negated by a fixed −identity Dense, and added
 * back with broadcasting over frames. In the log domain this removes the recording channel's
 * and, partly, the talker's spectral envelope. Padding frames of a batch count towards the mean,
 * so training batches are cut from length-sorted utterances (little padding).
 */
function subtractUtteranceMean(features: tf.SymbolicTensor, bands: number): tf.SymbolicTensor {
  const mean = tf.layers.globalAveragePooling1d({ name: 'utterance_mean' }).apply(features) as tf.SymbolicTensor;
  const frame = tf.layers.reshape({ name: 'utterance_mean_frame', targetShape: [1, bands] }).apply(mean) as tf.SymbolicTensor;
  const negate = tf.layers.dense({
    name: 'utterance_mean_negate',
    units: bands,
    useBias: false,
    trainable: false,
    weights: [tf.tidy(() => tf.eye(bands).neg())],
  }).apply(frame) as tf.SymbolicTensor;
  return tf.layers.add({ name: 'utterance_mean_norm' }).apply([features, negate]) as tf.SymbolicTensor;
}
