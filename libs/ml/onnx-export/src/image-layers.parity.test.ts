import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLayersModel } from './export';
import { buildSmallCnn, randomizeWeights } from './test-support/models';
import { parityDiff } from './test-support/parity';

const TOLERANCE = 1e-4;
const OPSETS = [13, 17];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const normal = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

function imageModel(layer: tf.layers.Layer, inputShape: (number | null)[]): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  model.add(layer);
  return model;
}

/** Max |diff| of one single-layer model over both opsets, on a seeded batch of 3. */
async function layerParity(layer: tf.layers.Layer, inputShape: number[], seed: number): Promise<number> {
  const model = imageModel(layer, inputShape);
  randomizeWeights(model, seed);
  const x = normal([3, ...inputShape], seed + 1);
  const diffs = await Promise.all(OPSETS.map((opset) => parityDiff(model, [x], { opset })));
  return Math.max(...diffs);
}

/**
 * The CNN with its pooled features as a second output. Seeded random weights push the sigmoid
 * to ~1e-5, where any error looks small, so parity is also measured on the features (0–40).
 */
function withFeatures(model: tf.LayersModel): tf.LayersModel {
  const pooling = model.layers.find((l) => l.getClassName() === 'GlobalAveragePooling2D');
  if (!pooling) throw new Error('expected a GlobalAveragePooling2D layer');
  return tf.model({ inputs: model.inputs, outputs: [pooling.output as tf.SymbolicTensor, ...model.outputs] });
}

describe('ONNX export parity: image layers', () => {
  // 9 × 8 inputs: with strides 2, 'same' pads one of the two axes unevenly (extra cell at the end),
  // which axis depending on the kernel's parity.
  it.each([
    ["'same', strides 2", { kernelSize: 3, strides: 2, padding: 'same' }],
    ["'same', strides 2, even kernel", { kernelSize: 4, strides: 2, padding: 'same' }],
    ["'same', strides [2, 3], kernel [3, 2]", { kernelSize: [3, 2], strides: [2, 3], padding: 'same' }],
    ["'valid', strides 2", { kernelSize: 3, strides: 2, padding: 'valid' }],
    ["'same', dilation 2", { kernelSize: 3, dilationRate: 2, padding: 'same' }],
    ["'valid', dilation [2, 1]", { kernelSize: 3, dilationRate: [2, 1], padding: 'valid' }],
    ['no bias, tanh', { kernelSize: 2, useBias: false, activation: 'tanh' }],
    ['softmax over channels', { kernelSize: 3, padding: 'same', activation: 'softmax' }],
  ] as const)('Conv2D %s', async (_name, options) => {
    const layer = tf.layers.conv2d({ filters: 5, activation: 'relu', ...options } as Parameters<typeof tf.layers.conv2d>[0]);
    expect(await layerParity(layer, [9, 8, 3], 10)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    ["multiplier 2, 'same', strides 2", { depthMultiplier: 2, padding: 'same', strides: 2 }],
    ["multiplier 1, 'valid', no bias", { padding: 'valid', useBias: false }],
  ] as const)('DepthwiseConv2D %s', async (_name, options) => {
    const layer = tf.layers.depthwiseConv2d({ kernelSize: 3, activation: 'relu6', ...options });
    expect(await layerParity(layer, [9, 8, 3], 20)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    ["multiplier 2, 'same', dilation 2", { depthMultiplier: 2, padding: 'same', dilationRate: 2 }],
    ["'same', strides 2, no bias", { padding: 'same', strides: 2, useBias: false }],
  ] as const)('SeparableConv2D %s', async (_name, options) => {
    const layer = tf.layers.separableConv2d({ filters: 4, kernelSize: 3, ...options });
    expect(await layerParity(layer, [9, 8, 3], 30)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    ['MaxPooling2D 2×2 (default), odd height', () => tf.layers.maxPooling2d({})],
    ["MaxPooling2D 3×3 'same', strides 2", () => tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' })],
    ["AveragePooling2D 3×3 'same', strides 2", () => tf.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' })],
    ["AveragePooling2D [3, 2] 'same', strides 1", () => tf.layers.averagePooling2d({ poolSize: [3, 2], strides: 1, padding: 'same' })],
    ['AveragePooling2D 2×2 valid', () => tf.layers.averagePooling2d({ poolSize: 2 })],
    ['GlobalMaxPooling2D', () => tf.layers.globalMaxPooling2d({})],
    ['GlobalAveragePooling2D', () => tf.layers.globalAveragePooling2d({})],
    ['GlobalMaxPooling2D channelsFirst', () => tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' })],
    ['ZeroPadding2D [[1, 2], [0, 3]]', () => tf.layers.zeroPadding2d({ padding: [[1, 2], [0, 3]] })],
    ['ZeroPadding2D channelsFirst', () => tf.layers.zeroPadding2d({ padding: [1, 2], dataFormat: 'channelsFirst' })],
    ['ReLU with maxValue', () => tf.layers.reLU({ maxValue: 0.5 })],
  ] as const)('%s', async (_name, make) => {
    expect(await layerParity(make(), [9, 8, 3], 40)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    ["MaxPooling1D 3 'same', strides 2", () => tf.layers.maxPooling1d({ poolSize: 3, strides: 2, padding: 'same' })],
    ["AveragePooling1D 3 'same', strides 2", () => tf.layers.averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' })],
  ] as const)('%s', async (_name, make) => {
    expect(await layerParity(make(), [9, 4], 50)).toBeLessThanOrEqual(TOLERANCE);
  });

  it("Conv2D 'same' with strides 1 on dynamic height and width", async () => {
    const model = imageModel(tf.layers.conv2d({ filters: 3, kernelSize: 4, padding: 'same' }), [null, null, 2]);
    randomizeWeights(model, 60);
    expect(await parityDiff(model, [normal([2, 5, 8, 2], 61)])).toBeLessThanOrEqual(TOLERANCE);
    expect(await parityDiff(model, [normal([1, 11, 6, 2], 62)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each(OPSETS)('3-block CNN (Conv + BN + ReLU + MaxPool, GAP, sigmoid) at opset %i', async (opset) => {
    const model = withFeatures(buildSmallCnn());
    randomizeWeights(model, 70);
    expect(await parityDiff(model, [normal([4, 28, 28, 1], 71)], { opset })).toBeLessThanOrEqual(TOLERANCE);
  });

  it('channelsFirstInputs: NCHW pixel_values give the logits tfjs gives for NHWC', async () => {
    const model = withFeatures(buildSmallCnn([20, 16, 3]));
    randomizeWeights(model, 80);
    const nhwc = normal([3, 20, 16, 3], 81);
    const options = { channelsFirstInputs: true, inputNames: ['pixel_values'], outputNames: ['features', 'logits'] };
    expect(await parityDiff(model, [nhwc], options, [nhwc.transpose([0, 3, 1, 2])])).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('image layer errors', () => {
  it('refuses what it cannot convert exactly, naming the layer', () => {
    const dynamic = imageModel(tf.layers.conv2d({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', name: 'c' }), [null, 8, 1]);
    expect(() => exportLayersModel(dynamic)).toThrow(/Conv2D layer 'c': padding 'same' with strides 2 needs a fixed input size, but spatial axis 0 is dynamic/);

    const pool = imageModel(tf.layers.maxPooling2d({ poolSize: 2, padding: 'same', name: 'p' }), [8, null, 1]);
    expect(() => exportLayersModel(pool)).toThrow(/MaxPooling2D layer 'p': padding 'same' with strides 2 .* spatial axis 1 is dynamic/);

    const channelsFirst = imageModel(tf.layers.conv2d({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst', name: 'cf' }), [1, 8, 8]);
    expect(() => exportLayersModel(channelsFirst)).toThrow(/Conv2D layer 'cf': only channelsLast is supported/);

    const dilated = imageModel(tf.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2, name: 'dw' }), [8, 8, 2]);
    expect(() => exportLayersModel(dilated)).toThrow(/DepthwiseConv2D layer 'dw': dilationRate is ignored by tfjs/);
  });
});
