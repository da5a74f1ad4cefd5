import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomizeWeights } from './test-support/models';
import { exportLayersModel } from './export';
import { parityDiff, toFeed } from './test-support/parity';

const TOLERANCE = 1e-4;
const VOCAB = 50;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ids = (batch: number, steps: number, seed: number) => tf.randomUniform([batch, steps], 0, VOCAB, 'int32', seed);
/** Row b keeps its first `lengths[b]` steps, like a right-padded tokenizer batch. */
const maskFor = (lengths: number[], steps: number) =>
  tf.tensor2d(lengths.flatMap((n) => Array.from({ length: steps }, (_, t) => (t < n ? 1 : 0))), [lengths.length, steps], 'int32');

/** Float [N, W, 1] mask from an int mask input: a frozen 2-row embedding table (pad row first). */
function maskColumn(mask: tf.SymbolicTensor, padValue: number, tokenValue: number): tf.SymbolicTensor {
  return tf.layers
    .embedding({ inputDim: 2, outputDim: 1, trainable: false, weights: [tf.tensor2d([[padValue], [tokenValue]])] })
    .apply(mask) as tf.SymbolicTensor;
}

/**
 * The sentiment-style classifier: embeddings masked, Conv1D, masked max pooling, plus an attention
 * pooling branch, concatenated into Dense logits. tfjs softmax only runs on the last axis, so the
 * [N, W, 1] mask-biased scores are reshaped to [N, 1, W] first, and Dot contracts W with the features.
 */
function buildTextClassifier(convOptions: Partial<Parameters<typeof tf.layers.conv1d>[0]> = {}): tf.LayersModel {
  const inputIds = tf.input({ shape: [null], dtype: 'int32', name: 'input_ids' });
  const attentionMask = tf.input({ shape: [null], dtype: 'int32', name: 'attention_mask' });
  const keep = maskColumn(attentionMask, 0, 1);
  const bias = maskColumn(attentionMask, -1e9, 0);
  const embedded = tf.layers.embedding({ inputDim: VOCAB, outputDim: 8 }).apply(inputIds) as tf.SymbolicTensor;
  const maskedEmbedded = tf.layers.multiply().apply([embedded, keep]) as tf.SymbolicTensor;
  const dropped = tf.layers.spatialDropout1d({ rate: 0.2 }).apply(maskedEmbedded) as tf.SymbolicTensor;
  const conv = tf.layers
    .conv1d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', ...convOptions })
    .apply(dropped) as tf.SymbolicTensor;
  const maxPooled = tf.layers.globalMaxPooling1d().apply(tf.layers.multiply().apply([conv, keep])) as tf.SymbolicTensor;

  const scores = tf.layers.dense({ units: 1 }).apply(maskedEmbedded) as tf.SymbolicTensor;
  const biased = tf.layers.add().apply([scores, bias]) as tf.SymbolicTensor;
  const scoreRow = tf.layers.reshape({ targetShape: [1, -1] }).apply(biased) as tf.SymbolicTensor;
  const weights = tf.layers.softmax({ axis: -1 }).apply(scoreRow) as tf.SymbolicTensor;
  const attended = tf.layers.dot({ axes: [2, 1] }).apply([weights, maskedEmbedded]) as tf.SymbolicTensor;
  const attendedFlat = tf.layers.flatten().apply(attended) as tf.SymbolicTensor;

  const features = tf.layers.concatenate().apply([maxPooled, attendedFlat]) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 2 }).apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: [inputIds, attentionMask], outputs: logits, name: 'text_cnn' });
}

/** Randomizes every weight except the frozen mask tables, which must stay 0/1 and -1e9/0. */
function randomizeTrainable(model: tf.LayersModel, seed: number): void {
  // getWeights() hands out the live variables, so keep copies.
  const frozen = model.layers.filter((l) => !l.trainable).map((l) => l.getWeights().map((w) => w.clone()));
  randomizeWeights(model, seed);
  model.layers.filter((l) => !l.trainable).forEach((l, i) => l.setWeights(frozen[i]!));
}

function sequenceModel(layer: tf.layers.Layer, steps: number | null, channels: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [steps, channels] }));
  model.add(layer);
  return model;
}

describe('ONNX export parity: text layers', () => {
  it('Embedding on int32 ids (int64 graph input) and on float ids (Cast first)', async () => {
    const intModel = tf.sequential();
    intModel.add(tf.layers.inputLayer({ inputShape: [null], dtype: 'int32' }));
    intModel.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 5 }));
    randomizeWeights(intModel, 1);
    expect(await parityDiff(intModel, [ids(9, 11, 2)])).toBeLessThanOrEqual(TOLERANCE);

    const floatModel = tf.sequential();
    floatModel.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 5, inputLength: 7 }));
    randomizeWeights(floatModel, 3);
    expect(await parityDiff(floatModel, [ids(9, 7, 4).toFloat()])).toBeLessThanOrEqual(TOLERANCE);
  });

  it('int8Embeddings: a quarter of the bytes, every value within half a step of its row', async () => {
    const model = tf.sequential();
    model.add(tf.layers.inputLayer({ inputShape: [null], dtype: 'int32' }));
    model.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 64 }));
    randomizeWeights(model, 5);
    const table = model.getWeights()[0]!;
    const largestStep = (table.abs().max(1).max().dataSync()[0] ?? 0) / 127;
    expect(exportLayersModel(model, { int8Embeddings: true }).length).toBeLessThan(exportLayersModel(model).length / 3);
    const diff = await parityDiff(model, [ids(9, 11, 6)], { int8Embeddings: true });
    expect(diff).toBeGreaterThan(0); // really quantised
    expect(diff).toBeLessThanOrEqual(largestStep / 2 + 1e-7);
  });

  it.each([
    { kernelSize: 1, padding: 'valid' },
    { kernelSize: 3, padding: 'same' },
    { kernelSize: 4, padding: 'same' },
    { kernelSize: 5, padding: 'same', dilationRate: 2 },
    { kernelSize: 3, padding: 'valid', strides: 2 },
    { kernelSize: 2, padding: 'valid', useBias: false, activation: 'tanh' },
    { kernelSize: 3, padding: 'same', activation: 'softmax' },
  ] as const)('Conv1D %o', async (options) => {
    const model = sequenceModel(tf.layers.conv1d({ filters: 4, activation: 'relu', ...options }), null, 3);
    randomizeWeights(model, 10);
    // 13 steps: odd, so 'same' with an even kernel exercises the asymmetric split.
    expect(await parityDiff(model, [tf.randomNormal([5, 13, 3], 0, 1, 'float32', 11)])).toBeLessThanOrEqual(TOLERANCE);
    // Fewer steps than the kernel span still works with 'same' padding.
    if (options.padding !== 'valid') {
      expect(await parityDiff(model, [tf.randomNormal([2, 2, 3], 0, 1, 'float32', 12)])).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it.each([7, 8])("Conv1D 'same' with strides 2 on a fixed length of %i steps", async (steps) => {
    // The pads depend on the length modulo the stride, so both parities are checked.
    const model = sequenceModel(tf.layers.conv1d({ filters: 4, kernelSize: 4, strides: 2, padding: 'same' }), steps, 3);
    randomizeWeights(model, 13);
    expect(await parityDiff(model, [tf.randomNormal([3, steps, 3], 0, 1, 'float32', 14)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    ['GlobalMaxPooling1D', () => tf.layers.globalMaxPooling1d()],
    ['GlobalAveragePooling1D', () => tf.layers.globalAveragePooling1d()],
  ] as const)('%s', async (_name, make) => {
    const model = sequenceModel(make(), null, 4);
    expect(await parityDiff(model, [tf.randomNormal([6, 9, 4], 0, 1, 'float32', 20)])).toBeLessThanOrEqual(TOLERANCE);
  });

  it('Multiply with three inputs and broadcasting', async () => {
    const a = tf.input({ shape: [5, 3] });
    const b = tf.input({ shape: [5, 1] });
    const c = tf.input({ shape: [5, 3] });
    const model = tf.model({ inputs: [a, b, c], outputs: tf.layers.multiply().apply([a, b, c]) as tf.SymbolicTensor });
    const inputs = [30, 31, 32].map((seed, i) => tf.randomNormal([4, 5, i === 1 ? 1 : 3], 0, 1, 'float32', seed));
    expect(await parityDiff(model, inputs)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    [{ axes: 1 }, [3, 6, 2], [3, 6, 4]],
    [{ axes: [2, 1] as [number, number] }, [3, 5, 6], [3, 6, 4]],
    [{ axes: [1, 2] as [number, number] }, [3, 6, 2], [3, 4, 6]],
    [{ axes: -1 }, [3, 5, 6], [3, 4, 6]],
  ])('Dot %o on rank-3 inputs', async (options, shapeX, shapeY) => {
    const x = tf.input({ shape: shapeX.slice(1) });
    const y = tf.input({ shape: shapeY.slice(1) });
    const model = tf.model({ inputs: [x, y], outputs: tf.layers.dot(options).apply([x, y]) as tf.SymbolicTensor });
    const inputs = [tf.randomNormal(shapeX, 0, 1, 'float32', 40), tf.randomNormal(shapeY, 0, 1, 'float32', 41)];
    expect(await parityDiff(model, inputs)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    [17, 12, [12, 1, 5, 12, 3, 7, 9, 2, 12, 4, 6, 8, 10, 11, 1, 2, 3]],
    [1, 40, [23]],
    [4, 2, [2, 1, 2, 1]],
  ])('text classifier (ids + attention_mask), batch %i × %i steps', async (batch, steps, lengths) => {
    const model = buildTextClassifier();
    randomizeTrainable(model, 50);
    const inputs = [ids(batch, steps, 51), maskFor(lengths, steps)];
    expect(await parityDiff(model, inputs, { outputNames: ['logits'] })).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([13, 21])('text classifier at opset %i', async (opset) => {
    const model = buildTextClassifier({ kernelSize: 4, dilationRate: 2 });
    randomizeTrainable(model, 60);
    const inputs = [ids(5, 10, 61), maskFor([10, 3, 7, 1, 9], 10)];
    expect(await parityDiff(model, inputs, { opset })).toBeLessThanOrEqual(TOLERANCE);
  });

  it('masking makes logits independent of padding', async () => {
    const model = buildTextClassifier();
    randomizeTrainable(model, 70);
    const session = await ort.InferenceSession.create(exportLayersModel(model, { outputNames: ['logits'] }));
    const row = ids(1, 6, 71);
    const run = async (x: tf.Tensor, mask: tf.Tensor) =>
      (await session.run({ input_ids: toFeed(x), attention_mask: toFeed(mask) }))['logits']!.data as Float32Array;
    const alone = await run(row, maskFor([6], 6));
    const padded = await run(tf.concat([row, tf.fill([1, 9], 7, 'int32')], 1), maskFor([6], 15));
    [...alone].forEach((v, i) => expect(Math.abs(v - padded[i]!)).toBeLessThanOrEqual(1e-5));
    await session.release();
  });
});

describe('text layer errors', () => {
  it('refuses what it cannot convert exactly, naming the layer', () => {
    const masked = tf.sequential();
    masked.add(tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3, maskZero: true, name: 'emb' }));
    expect(() => exportLayersModel(masked)).toThrow(/Embedding layer 'emb': maskZero is not exportable/);

    const strided = sequenceModel(tf.layers.conv1d({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', name: 'c' }), null, 2);
    expect(() => exportLayersModel(strided)).toThrow(/Conv1D layer 'c': padding 'same' with strides 2 needs a fixed input size/);

    const channelsFirst = sequenceModel(tf.layers.conv1d({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst', name: 'cf' }), 8, 2);
    expect(() => exportLayersModel(channelsFirst)).toThrow(/Conv1D layer 'cf': only channelsLast/);

    const a = tf.input({ shape: [4] });
    const b = tf.input({ shape: [4] });
    const flatDot = tf.model({ inputs: [a, b], outputs: tf.layers.dot({ axes: 1, name: 'd' }).apply([a, b]) as tf.SymbolicTensor });
    expect(() => exportLayersModel(flatDot)).toThrow(/Dot layer 'd': only rank-3 inputs/);
  });
});
