import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { supportedActivations } from './activations';
import { buildMlp, randomizeWeights } from './test-support/models';
import { parityDiff } from './test-support/parity';

const TOLERANCE = 1e-4;
const BATCH = 17;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const normal = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

describe('ONNX export parity with tfjs (onnxruntime-node)', () => {
  it('Sequential MLP with Dense, BatchNormalization (random stats), Dropout and activations', async () => {
    const model = buildMlp();
    randomizeWeights(model, 1);
    expect(await parityDiff(model, [normal([BATCH, 8], 2)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it('MLP after a few training steps (moving statistics from fit)', async () => {
    // Not buildMlp: tfjs 4.22 cannot train a BatchNormalization with center or scale off.
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.dropout({ rate: 0.3 }));
    model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' });
    const x = normal([64, 4], 3).mul(3).add(1);
    const y = tf.oneHot(tf.randomUniform([64], 0, 3, 'int32', 4), 3);
    await model.fit(x, y, { epochs: 3, batchSize: 16, verbose: 0 });
    expect(await parityDiff(model, [normal([BATCH, 4], 5).mul(3).add(1)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each(supportedActivations)('activation %s on Dense and as an Activation layer', async (activation) => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 6, inputShape: [5], activation: activation as 'relu' }));
    model.add(tf.layers.dense({ units: 4 }));
    model.add(tf.layers.activation({ activation: activation as 'relu' }));
    randomizeWeights(model, 10);
    // Wide inputs so saturating activations (relu6, hardSigmoid) reach their clipped ranges.
    expect(await parityDiff(model, [normal([BATCH, 5], 11).mul(6)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it('functional model: two inputs, branches concatenated and added, three outputs', async () => {
    const features = tf.input({ shape: [10], name: 'features' });
    const grid = tf.input({ shape: [4, 3], name: 'grid' });
    const left = tf.layers.dense({ units: 8, activation: 'relu' }).apply(features) as tf.SymbolicTensor;
    const leftNorm = tf.layers.batchNormalization().apply(left) as tf.SymbolicTensor;
    const right = tf.layers.dense({ units: 8, activation: 'tanh' }).apply(features) as tf.SymbolicTensor;
    const rightDrop = tf.layers.dropout({ rate: 0.5 }).apply(right) as tf.SymbolicTensor;
    const flatGrid = tf.layers.flatten().apply(grid) as tf.SymbolicTensor;
    const reshaped = tf.layers.reshape({ targetShape: [3, 4] }).apply(grid) as tf.SymbolicTensor;
    const flatAgain = tf.layers.flatten().apply(reshaped) as tf.SymbolicTensor;
    // tfjs leaves an inferred (-1) dimension unknown, so this output has a symbolic middle axis.
    const pairs = tf.layers.reshape({ targetShape: [-1, 2] }).apply(grid) as tf.SymbolicTensor;
    const tokens = tf.layers.dense({ units: 3 }).apply(pairs) as tf.SymbolicTensor;
    const concat = tf.layers.concatenate().apply([leftNorm, rightDrop, flatGrid]) as tf.SymbolicTensor;
    const summed = tf.layers.add().apply([leftNorm, rightDrop]) as tf.SymbolicTensor;
    const probs = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(concat) as tf.SymbolicTensor;
    const merged = tf.layers.concatenate({ axis: 1 }).apply([summed, flatAgain]) as tf.SymbolicTensor;
    const score = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(merged) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [features, grid], outputs: [probs, score, tokens] });
    randomizeWeights(model, 20);

    const diff = await parityDiff(model, [normal([BATCH, 10], 21), normal([BATCH, 4, 3], 22)], {
      outputNames: ['probabilities', 'score', 'tokens'],
    });
    expect(diff).toBeLessThanOrEqual(TOLERANCE);
  });

  it('shared layer applied to two inputs', async () => {
    const a = tf.input({ shape: [6] });
    const b = tf.input({ shape: [6] });
    const shared = tf.layers.dense({ units: 5, activation: 'relu' });
    const sum = tf.layers.add().apply([shared.apply(a), shared.apply(b)] as tf.SymbolicTensor[]);
    const model = tf.model({ inputs: [a, b], outputs: sum as tf.SymbolicTensor });
    randomizeWeights(model, 30);
    expect(await parityDiff(model, [normal([BATCH, 6], 31), normal([BATCH, 6], 32)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it('ensemble: one shared Dense stack on three inputs, log-softmax, averaged', async () => {
    const streams = [0, 1, 2].map(() => tf.input({ shape: [4, 6] }));
    const hidden = tf.layers.dense({ units: 5, activation: 'relu' });
    const head = tf.layers.dense({ units: 3 });
    const logProbs = streams.map((s) => tf.layers.activation({ activation: 'logSoftmax' as 'softmax' }).apply(head.apply(hidden.apply(s))) as tf.SymbolicTensor);
    const model = tf.model({ inputs: streams, outputs: tf.layers.average().apply(logProbs) as tf.SymbolicTensor });
    randomizeWeights(model, 35);
    expect(await parityDiff(model, [36, 37, 38].map((seed) => normal([BATCH, 4, 6], seed)))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('rank-3 input: Dense and BatchNormalization on the last axis, channels-first Flatten', async () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, inputShape: [5, 3], activation: 'elu' }));
    model.add(tf.layers.batchNormalization({ axis: -1 }));
    model.add(tf.layers.flatten({ dataFormat: 'channelsFirst' }));
    model.add(tf.layers.dense({ units: 2 }));
    randomizeWeights(model, 40);
    expect(await parityDiff(model, [normal([BATCH, 5, 3], 41)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([13, 17, 21])('opset %i', async (opset) => {
    const model = buildMlp();
    randomizeWeights(model, 50);
    expect(await parityDiff(model, [normal([BATCH, 8], 51)], { opset })).toBeLessThanOrEqual(TOLERANCE);
  });

  it('batch size is dynamic: the same export runs batches of 1 and 33', async () => {
    const model = buildMlp();
    randomizeWeights(model, 60);
    expect(await parityDiff(model, [normal([1, 8], 61)])).toBeLessThanOrEqual(TOLERANCE);
    expect(await parityDiff(model, [normal([33, 8], 62)])).toBeLessThanOrEqual(TOLERANCE);
  });
});
