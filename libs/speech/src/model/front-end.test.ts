import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_END, frontEndFrames, logMelFrontEnd, type FrontEndConfig } from './front-end';
import { binCount, hannWindow, melFilterbank } from './mel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Log-mel straight from the definitions, in float64: frame, window, DFT sum, |·|², mel, log, minus the sliding mean. */
function referenceLogMel(samples: Float32Array, config: FrontEndConfig): number[][] {
  const { window, hop, mels, logOffset, meanWindow } = config;
  const bins = binCount(FRONT_END);
  const hann = hannWindow(window);
  const filters = melFilterbank(FRONT_END);
  const logMel = Array.from({ length: frontEndFrames(samples.length) }, (_, f) => {
    const power = Array.from({ length: bins }, (_, k) => {
      let re = 0;
      let im = 0;
      for (let n = 0; n < window; n++) {
        const x = samples[f * hop + n]! * hann[n]!;
        re += x * Math.cos((2 * Math.PI * k * n) / window);
        im -= x * Math.sin((2 * Math.PI * k * n) / window);
      }
      return re * re + im * im;
    });
    return Array.from({ length: mels }, (_, m) => Math.log(1 + power.reduce((sum, p, k) => sum + p * filters[k * mels + m]!, 0) / logOffset));
  });
  // Beyond the ends the sliding window sees zeros (silence after ln(1 + x)).
  const half = (meanWindow - 1) / 2;
  return logMel.map((frame, f) =>
    frame.map((v, m) => {
      let sum = 0;
      for (let g = f - half; g <= f + half; g++) sum += logMel[g]?.[m] ?? 0;
      return v - sum / meanWindow;
    }),
  );
}

function frontEndModel(config: FrontEndConfig = FRONT_END): tf.LayersModel {
  const input = tf.input({ shape: [null as unknown as number] });
  return tf.model({ inputs: input, outputs: logMelFrontEnd(input, config) });
}

/** A vowel-like test signal: 140 Hz harmonics under a slow envelope, plus a little noise. */
function voicedSignal(length: number): Float32Array {
  let seed = 3;
  const noise = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.01;
  return Float32Array.from({ length }, (_, n) => {
    const t = n / 16000;
    let x = 0;
    for (let h = 1; h <= 20; h++) x += Math.sin(2 * Math.PI * 140 * h * t) / h;
    return 0.2 * x * Math.sin(Math.PI * t * 2) + noise();
  });
}

describe('logMelFrontEnd', () => {
  it('equals a direct float64 log-mel computation, sliding-mean normalisation included', () => {
    const samples = voicedSignal(16000);
    const config = { ...FRONT_END, meanWindow: 81 };
    const features = tf.tidy(() => (frontEndModel(config).predict(tf.tensor2d(samples, [1, samples.length])) as tf.Tensor).arraySync()) as number[][][];
    const reference = referenceLogMel(samples, config);
    expect(features[0]).toHaveLength(reference.length);
    expect(reference.length).toBe(98); // floor((16000 − 400) / 160) + 1, more than the 81-frame mean window
    let maxDiff = 0;
    reference.forEach((frame, f) => frame.forEach((v, m) => (maxDiff = Math.max(maxDiff, Math.abs(v - features[0]![f]![m]!)))));
    // float32 convolution sums 400 products per bin; in the log domain that stays far below 1e-3.
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('puts a 1 kHz tone in the band centred nearest 1 kHz and ignores 5 kHz (log-mel before mean normalisation)', () => {
    const tone = (hz: number) => Float32Array.from({ length: 1600 }, (_, n) => 0.5 * Math.sin((2 * Math.PI * hz * n) / 16000));
    const run = (samples: Float32Array) => tf.tidy(() => (frontEndModel().predict(tf.tensor2d(samples, [1, samples.length])) as tf.Tensor).arraySync()) as number[][][];
    const frame = run(tone(1000))[0]![3]!;
    const loudest = frame.indexOf(Math.max(...frame));
    const filters = melFilterbank(FRONT_END);
    const bins = binCount(FRONT_END);
    const centreHz = (m: number) => {
      let best = 0;
      for (let k = 0; k < bins; k++) if (filters[k * FRONT_END.mels + m]! > filters[best * FRONT_END.mels + m]!) best = k;
      return (best * FRONT_END.sampleRate) / FRONT_END.window;
    };
    expect(Math.abs(centreHz(loudest) - 1000)).toBeLessThanOrEqual(80);
    // Above fMax every band stays near silence, ln(1 + 0) = 0 (Hann leakage only).
    const high = run(tone(5000))[0]![3]!;
    expect(Math.max(...high)).toBeLessThan(0.05);
    expect(Math.max(...frame)).toBeGreaterThan(10);
  });
});
