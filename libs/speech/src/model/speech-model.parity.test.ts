import * as tf from '@tensorflow/tfjs';
import { OnnxModel } from '@dl-suite/ml-runtime';
import { exportLayersModel } from '@dl-suite/onnx-export';
import { beforeAll, describe, expect, it } from 'vitest';
import { VOCABULARY } from '../vocabulary';
import { FRONT_END } from './front-end';
import { buildSpeechModel, DEFAULT_ACOUSTIC_MODEL, outputFrames, outputFraming } from './speech-model';
import { warpEnsemble } from './warp-ensemble';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL = { ...DEFAULT_ACOUSTIC_MODEL, channels: 16, blocks: 2, kernelSize: 5, dropout: 0.1, utteranceMeanNorm: true, downsamplings: 2, seed: 5 };

/** A small model (every front-end layer, sliding and utterance mean normalisation, two downsamplings too) whose BatchNorm layers hold non-trivial statistics, as after training. */
function smallTrainedLookingModel(): tf.LayersModel {
  const model = buildSpeechModel(SMALL, { ...FRONT_END, meanWindow: 81 });
  let seed = 11;
  for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
    // gamma, beta, moving mean, moving variance (> 0)
    layer.setWeights(layer.getWeights().map((w, i) => tf.tidy(() => (i === 3 ? tf.randomUniform(w.shape, 0.5, 2, 'float32', seed++) : tf.randomNormal(w.shape, 0, 0.5, 'float32', seed++)))));
  }
  return model;
}

describe('speech model export', () => {
  it('runs in onnxruntime from raw samples with the same logits as tfjs (≤ 1e-4), at any length', async () => {
    const model = smallTrainedLookingModel();
    const session = await OnnxModel.fromBytes(exportLayersModel(model, { inputNames: ['input_values'], outputNames: ['logits'] }), {
      intraOpThreads: 1,
      warmup: { input_values: { dims: [1, 16000], dtype: 'float32' } },
    });
    expect(session.inputNames).toEqual(['input_values']);
    expect(session.outputNames).toEqual(['logits']);
    // The shortest input with one output frame, and longer ones.
    for (const length of [outputFraming(SMALL).window, 16000, 23457]) {
      const samples = tf.tidy(() => tf.randomNormal([2, length], 0, 0.1, 'float32', length));
      const { data, dims } = await session.runFloat('input_values', samples.dataSync() as Float32Array, [2, length]);
      const expected = tf.tidy(() => (model.predict(samples) as tf.Tensor).dataSync());
      expect(dims).toEqual([2, outputFrames(length, outputFraming(SMALL)), VOCABULARY.length]);
      const maxDiff = Math.max(...Array.from(data as Float32Array, (v, i) => Math.abs(v - expected[i]!)));
      expect(maxDiff).toBeLessThan(1e-4);
      samples.dispose();
    }
    await session.dispose();
  });

  it('exports the warp ensemble with the same output (≤ 1e-4): mean log-probabilities, shared weights stored once', async () => {
    const model = smallTrainedLookingModel();
    const ensemble = warpEnsemble(model, [0.9, 1, 1.1]);
    const samples = tf.tidy(() => tf.randomNormal([2, 16000], 0, 0.1, 'float32', 3));
    // The unwarped stream is the model itself, as log-probabilities.
    const plain = tf.tidy(() => tf.logSoftmax(model.predict(samples) as tf.Tensor));
    const averaged = ensemble.predict(samples) as tf.Tensor;
    expect(averaged.shape).toEqual(plain.shape);
    const onlyUnwarped = warpEnsemble(model, [1]).predict(samples) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(onlyUnwarped, plain))).dataSync()[0]).toBeLessThan(1e-5);
    expect(tf.max(tf.abs(tf.sub(averaged, plain))).dataSync()[0]).toBeGreaterThan(1e-3); // the warps do change something

    const onnx = exportLayersModel(ensemble, { inputNames: ['input_values'], outputNames: ['logits'] });
    const alone = exportLayersModel(model, { inputNames: ['input_values'], outputNames: ['logits'] });
    expect(onnx.length).toBeLessThan(alone.length * 1.2); // acoustic weights not duplicated
    const session = await OnnxModel.fromBytes(onnx, { intraOpThreads: 1, warmup: { input_values: { dims: [1, 16000], dtype: 'float32' } } });
    const { data } = await session.runFloat('input_values', samples.dataSync() as Float32Array, [2, 16000]);
    const expected = averaged.dataSync();
    expect(Math.max(...Array.from(data as Float32Array, (v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-4);
    await session.dispose();
    tf.dispose([samples, plain, averaged, onlyUnwarped]);
  });
});

