import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';
import { expectAllClose, seededValues } from './testing/compare';

/** conv + BN + ReLU + max-pool, conv + BN + ReLU, global average pool, sigmoid head. */
function smallCnn(optimizer: tf.Optimizer = tf.train.adam(0.01)): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 8, kernelSize: 3, padding: 'same', useBias: false }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.reLU());
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.reLU());
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer, loss: 'binaryCrossentropy' });
  return model;
}

/** Noise images whose label says whether a bright square sits in the left or right half. */
function brightSquareData(count: number): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const pixels = seededValues(count * 144, 11).map((v) => 0.2 * v);
  const labels = new Float32Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = n % 2;
    const left = n % 2 === 1 ? 1 : 7;
    for (let h = 4; h < 8; h++) for (let w = left; w < left + 4; w++) pixels[n * 144 + h * 12 + w] = 1;
  }
  return { xs: tf.tensor4d(pixels, [count, 12, 12, 1]), ys: tf.tensor2d(labels, [count, 1]) };
}

/** The change one plain SGD step makes to every weight, from the same initial weights. */
async function sgdStepDeltas(initial: tf.Tensor[]): Promise<Float32Array[]> {
  const model = smallCnn(tf.train.sgd(1));
  model.setWeights(initial);
  const { xs, ys } = brightSquareData(8);
  await model.trainOnBatch(xs, ys);
  const deltas = model.getWeights().map((w, i) => tf.tidy(() => tf.sub(w, initial[i] as tf.Tensor).dataSync()));
  tf.dispose([xs, ys, ...initial]);
  model.dispose();
  return deltas as Float32Array[];
}

function conv1dGradients(): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor3d(seededValues(3 * 17 * 4, 21), [3, 17, 4]);
    const filter = tf.tensor3d(seededValues(5 * 4 * 6, 22), [5, 4, 6]);
    const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.conv1d(a as tf.Tensor3D, b as tf.Tensor3D, 2, 'same').square().sum();
    return tf.grads(loss)([x, filter]).map((t) => t.dataSync() as Float32Array);
  });
}

describe('training on wasm with the fast kernels', () => {
  let conv1dReference: Float32Array[] = [];
  let initialWeights: number[][] = [];
  let shapes: number[][] = [];
  let sgdReference: Float32Array[] = [];

  const initial = (): tf.Tensor[] => initialWeights.map((values, i) => tf.tensor(values, shapes[i]));

  beforeAll(async () => {
    await tf.setBackend('cpu');
    conv1dReference = conv1dGradients();
    const model = smallCnn();
    initialWeights = model.getWeights().map((w) => Array.from(w.dataSync()));
    shapes = model.getWeights().map((w) => w.shape);
    model.dispose();
    sgdReference = await sgdStepDeltas(initial());
    await tf.setBackend('wasm');
    registerFastConvKernels('wasm');
  });

  afterAll(() => restoreKernels('wasm'));

  it('takes the same SGD step as tfjs as shipped on the CPU backend', async () => {
    expectAllClose(await sgdStepDeltas(initial()), sgdReference, 1e-4);
  });

  it('fits a conv + BN + ReLU + pooling CNN: the loss falls', async () => {
    const model = smallCnn();
    const { xs, ys } = brightSquareData(32);
    const history = await model.fit(xs, ys, { epochs: 12, batchSize: 16, shuffle: false, verbose: 0 });
    const losses = history.history['loss'] as number[];
    expect(losses.at(-1)).toBeLessThan(0.5 * (losses[0] as number));
    tf.dispose([xs, ys]);
    model.dispose();
  });

  it('keeps the tensor count constant from one training step to the next', async () => {
    const model = smallCnn();
    const { xs, ys } = brightSquareData(16);
    await model.trainOnBatch(xs, ys);
    const after1 = tf.memory().numTensors;
    await model.trainOnBatch(xs, ys);
    await model.trainOnBatch(xs, ys);
    expect(tf.memory().numTensors).toBe(after1);
    tf.dispose([xs, ys]);
    model.dispose();
  });

  it('trains conv1d too (tfjs runs it as conv2d): gradients match the CPU reference', () => {
    expectAllClose(conv1dGradients(), conv1dReference, 1e-4);
  });
});
