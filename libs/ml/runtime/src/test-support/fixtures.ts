import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportLayersModel } from '@dl-suite/onnx-export';
import * as tf from '@tensorflow/tfjs';
import type { ManifestDraft } from '../manifest';

/** A tiny seeded classifier and its ONNX export: the test model, generated rather than downloaded. */
export async function tinyClassifier(): Promise<{ model: tf.Sequential; onnx: Uint8Array }> {
  await tf.setBackend('cpu');
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, inputShape: [4], activation: 'relu' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  // All-positive weights keep batch-norm variances valid.
  model.setWeights(model.getWeights().map((w, i) => tf.randomUniform(w.shape, 0.1, 1, 'float32', i + 1)));
  const onnx = exportLayersModel(model, { inputNames: ['features'], outputNames: ['probabilities'] });
  return { model, onnx };
}

export function draftManifest(): ManifestDraft {
  return {
    name: 'tiny-classifier',
    version: '1.0.0',
    task: 'tabular-classification',
    created: '2025-01-02T03:04:05.000Z',
    labels: ['a', 'b', 'c'],
    inputs: [{ name: 'features', dtype: 'float32', shape: ['batch', 4] }],
    outputs: [{ name: 'probabilities', dtype: 'float32', shape: ['batch', 3] }],
    framework: { trainedWith: '@tensorflow/tfjs 4.22.0', exportedWith: '@dl-suite/onnx-export', opset: 17 },
    hyperparameters: { units: 8, learningRate: 0.01 },
    data: { description: 'synthetic', fingerprint: 'a'.repeat(64), rows: 100 },
    metrics: { validation: { roc_auc: 0.97, confusion: [[5, 1], [0, 4]] } },
  };
}

/** A fresh temporary directory and its clean-up. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ml-runtime-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
