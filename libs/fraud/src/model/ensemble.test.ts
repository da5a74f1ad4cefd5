import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { exportLayersModel } from '@dl-suite/onnx-export';
import { OnnxModel } from '@dl-suite/ml-runtime';
import { buildFraudModel } from './build-model';
import { averageOfModels } from './ensemble';

describe('averageOfModels', () => {
  it('scores the mean of its members, in tfjs and after ONNX export', async () => {
    await tf.setBackend('cpu');
    const members = [1, 2, 3].map((seed) => buildFraudModel({ inputSize: 5, hidden: [8, 4], dropout: 0.2, learningRate: 1e-3, seed }));
    const ensemble = averageOfModels(members, 5);
    const x = tf.randomNormal([9, 5], 0, 2, 'float32', 7);
    const expected = tf.tidy(() => tf.addN(members.map((m) => m.predict(x) as tf.Tensor)).div(members.length));
    const actual = ensemble.predict(x) as tf.Tensor;
    const tfjsDiff = tf.tidy(() => tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]!);
    expect(tfjsDiff).toBeLessThan(1e-6);

    const onnx = await OnnxModel.fromBytes(exportLayersModel(ensemble, { inputNames: ['features'], outputNames: ['score'] }));
    const out = await onnx.runFloat('features', x.dataSync() as Float32Array, [9, 5]);
    const reference = actual.dataSync();
    const onnxDiff = Math.max(...Array.from(out.data as Float32Array, (v, i) => Math.abs(v - reference[i]!)));
    expect(onnxDiff).toBeLessThan(1e-4);
    await onnx.dispose();
    tf.dispose([x, expected, actual]);
  });
});
