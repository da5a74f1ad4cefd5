import * as tf from '@tensorflow/tfjs';
import { OnnxModel } from '@dl-suite/ml-runtime';
import { exportLayersModel } from '@dl-suite/onnx-export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTextCnn, servingModel, type TextCnnOptions } from './text-cnn';

const config: TextCnnOptions = { vocabSize: 60, embeddingDim: 8, kernelSizes: [2, 3, 5], filters: 6, seed: 7 };
/** Ragged texts: ids 1..59 (0 is [PAD]); lengths 1 to 9, shorter than some kernels. */
const texts = [[5], [7, 8, 9, 10, 11, 12, 13, 14, 15], [20, 3], [33, 34, 35, 36], [59, 1, 2, 40, 41, 42]];

/** Right-padded to `width` with [PAD] = 0, the mask 1 over real tokens. */
function feeds(rows: number[][], width: number): { ids: Int32Array; mask: Int32Array } {
  const ids = new Int32Array(rows.length * width);
  const mask = new Int32Array(rows.length * width);
  rows.forEach((row, r) => {
    ids.set(row, r * width);
    mask.fill(1, r * width, r * width + row.length);
  });
  return { ids, mask };
}

function tfjsLogits(model: tf.LayersModel, rows: number[][], width: number): number[][] {
  const { ids, mask } = feeds(rows, width);
  return tf.tidy(() => {
    const x = [tf.tensor2d(ids, [rows.length, width], 'int32'), tf.tensor2d(mask, [rows.length, width], 'int32')];
    return (model.predict(x) as tf.Tensor).arraySync() as number[][];
  });
}

/** Non-zero biases everywhere, so a padded step that leaks into a convolution or the max shows. */
/** Logits of the model exported to ONNX and run by onnxruntime on the padded texts. */
async function onnxLogits(model: tf.LayersModel, rows: number[][], width: number): Promise<number[][]> {
  const onnx = await OnnxModel.fromBytes(exportLayersModel(model, { outputNames: ['logits'] }), { warmup: false, intraOpThreads: 1 });
  try {
    const { ids, mask } = feeds(rows, width);
    const dims = [rows.length, width];
    const out = await onnx.run({ input_ids: { data: BigInt64Array.from(ids, BigInt), dims }, attention_mask: { data: BigInt64Array.from(mask, BigInt), dims } });
    const logits = (out['logits'] as { data: Float32Array }).data;
    return rows.map((_, r) => [logits[2 * r], logits[2 * r + 1]] as number[]);
  } finally {
    await onnx.dispose();
  }
}

function shiftBiases(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    if (weights.length !== 2 || !layer.trainable) continue;
    const [kernel, bias] = weights as [tf.Tensor, tf.Tensor];
    layer.setWeights([kernel, tf.tidy(() => bias.add(tf.linspace(-0.3, 0.4, bias.size)))]);
  }
}

function maxAbsDiff(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, r) => row.map((v, c) => Math.abs(v - (b[r]?.[c] ?? Number.NaN)))));
}

describe('buildTextCnn', () => {
  let model: tf.LayersModel;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = buildTextCnn(config);
    shiftBiases(model);
  });
  afterAll(() => model.dispose());

  it('takes input_ids + attention_mask and returns logits [batch, 2]', () => {
    expect(model.inputs.map((i) => `${i.name}:${i.dtype}:${JSON.stringify(i.shape)}`)).toEqual([
      'input_ids:int32:[null,null]',
      'attention_mask:int32:[null,null]',
    ]);
    expect(model.outputs[0]?.shape).toEqual([null, 2]);
  });

  it('gives each text the same logits alone, in a padded batch and padded far beyond its length', () => {
    const alone = texts.map((text) => tfjsLogits(model, [text], text.length)[0] as number[]);
    expect(maxAbsDiff(tfjsLogits(model, texts, 9), alone)).toBeLessThan(1e-5);
    expect(maxAbsDiff(tfjsLogits(model, texts, 40), alone)).toBeLessThan(1e-5);
    // Not trivially equal: the texts get different logits.
    expect(new Set(alone.map((l) => l[0]?.toFixed(4))).size).toBe(texts.length);
  });

  it('exports to ONNX (int64 ids and mask) with the logits of tfjs, padded or not', async () => {
    const onnx = await OnnxModel.fromBytes(exportLayersModel(model, { outputNames: ['logits'] }), { warmup: false, intraOpThreads: 1 });
    try {
      expect([...onnx.inputNames]).toEqual(['input_ids', 'attention_mask']);
      for (const width of [9, 17]) {
        const { ids, mask } = feeds(texts, width);
        const dims = [texts.length, width];
        const out = await onnx.run({
          input_ids: { data: BigInt64Array.from(ids, BigInt), dims },
          attention_mask: { data: BigInt64Array.from(mask, BigInt), dims },
        });
        const logits = out['logits'] as { data: Float32Array; dims: readonly number[] };
        expect(logits.dims).toEqual([texts.length, 2]);
        const rows = texts.map((_, r) => [logits.data[2 * r], logits.data[2 * r + 1]] as number[]);
        expect(maxAbsDiff(rows, tfjsLogits(model, texts, 9))).toBeLessThan(1e-5);
      }
    } finally {
      await onnx.dispose();
    }
  });
});

describe('wordDropout', () => {
  it('in training drops whole tokens (every channel) per text, and nothing at inference', async () => {
    await tf.setBackend('cpu');
    const model = buildTextCnn({ ...config, wordDropout: 0.5 });
    const layer = model.getLayer('m0_word_dropout');
    const ones = tf.ones([4, 10, 8]);
    const trained = (layer.apply(ones, { training: true }) as tf.Tensor).arraySync() as number[][][];
    const tokens = trained.flat();
    expect(tokens.every((channels) => channels.every((v) => v === channels[0]) && [0, 2].includes(channels[0] as number))).toBe(true);
    expect(new Set(tokens.map((channels) => channels[0])).size).toBe(2);
    expect((layer.apply(ones) as tf.Tensor).dataSync().every((v) => v === 1)).toBe(true);
    tf.dispose(ones);
    model.dispose();
  });
});

describe('servingModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('averages the members’ logits in one graph that exports like a single model', async () => {
    const members = [0, 1, 2].map((m) => buildTextCnn({ ...config, seed: 7 + m }, m));
    members.forEach(shiftBiases);
    const ensemble = servingModel(members, config);
    const memberLogits = members.map((m) => tfjsLogits(m, texts, 9));
    const mean = texts.map((_, r) => [0, 1].map((c) => memberLogits.reduce((s, l) => s + (l[r]?.[c] ?? 0), 0) / members.length));
    expect(maxAbsDiff(tfjsLogits(ensemble, texts, 9), mean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(memberLogits[0] as number[][], memberLogits[1] as number[][])).toBeGreaterThan(1e-3);
    expect(() => exportLayersModel(ensemble, { outputNames: ['logits'] })).not.toThrow();
    ensemble.dispose();
    members.forEach((m) => m.dispose());
  });

  it('is the model itself for one member', () => {
    const single = buildTextCnn(config);
    expect(servingModel([single], config)).toBe(single);
    single.dispose();
  });
});

describe('buildTextCnn with initial embeddings', () => {
  const rows = Float32Array.from({ length: 60 * 8 }, (_, i) => Math.sin(i));

  it('starts from the given rows, trainable or frozen', () => {
    for (const trainableEmbeddings of [true, false]) {
      const model = buildTextCnn({ ...config, initialEmbeddings: rows, trainableEmbeddings });
      const embedding = model.getLayer('m0_embedding');
      const [weights] = embedding.getWeights();
      expect(weights?.dataSync()).toEqual(rows);
      expect(embedding.trainable).toBe(trainableEmbeddings);
      expect(model.trainableWeights.some((w) => w.name.includes('m0_embedding'))).toBe(trainableEmbeddings);
      model.dispose();
    }
  });

  it('staticChannel: a frozen copy of the rows beside the trained ones, exported with the logits of tfjs', async () => {
    await tf.setBackend('cpu');
    const model = buildTextCnn({ ...config, initialEmbeddings: rows, staticChannel: true });
    shiftBiases(model);
    const [trained, frozen] = ['m0_embedding', 'm0_static_embedding'].map((name) => model.getLayer(name));
    expect(frozen?.getWeights()[0]?.dataSync()).toEqual(rows);
    expect([trained?.trainable, frozen?.trainable]).toEqual([true, false]);
    expect(model.getLayer('m0_conv2').getWeights()[0]?.shape).toEqual([2, 16, 6]);
    // Fine-tuning moves only the trained copy: the two channels then differ, as they will after training.
    trained?.setWeights([tf.tensor2d(rows.map((v) => v * 0.5), [60, 8])]);
    try {
      expect(maxAbsDiff(await onnxLogits(model, texts, 9), tfjsLogits(model, texts, 9))).toBeLessThan(1e-4);
    } finally {
      model.dispose();
    }
  });

  it('embeddingDecay: frozen rows + a zero, L2-regularised offset, exported with the logits of tfjs', async () => {
    await tf.setBackend('cpu');
    const model = buildTextCnn({ ...config, initialEmbeddings: rows, embeddingDecay: 0.01 });
    const plain = buildTextCnn({ ...config, initialEmbeddings: rows });
    // Before training the decayed model is the plain one: same rows, same seeded layers.
    expect(maxAbsDiff(tfjsLogits(model, texts, 9), tfjsLogits(plain, texts, 9))).toBeLessThan(1e-6);
    expect(model.getLayer('m0_static_embedding').trainable).toBe(false);
    const offsets = rows.map((v) => 0.1 * Math.cos(v));
    model.getLayer('m0_embedding_offset').setWeights([tf.tensor2d(offsets, [60, 8])]);
    // The one regularisation loss tfjs adds to the training loss: λ·Σ offset².
    const losses = model.calculateLosses();
    expect(losses.map((l) => l.dataSync()[0])).toEqual([expect.closeTo(0.01 * offsets.reduce((s, v) => s + v * v, 0), 4)]);
    tf.dispose(losses);
    shiftBiases(model);
    try {
      expect(maxAbsDiff(await onnxLogits(model, texts, 9), tfjsLogits(model, texts, 9))).toBeLessThan(1e-4);
    } finally {
      model.dispose();
      plain.dispose();
    }
  });

  it('servingModel folds the decayed rows into one table with the same logits', async () => {
    await tf.setBackend('cpu');
    for (const staticChannel of [false, true]) {
      const model = buildTextCnn({ ...config, initialEmbeddings: rows, embeddingDecay: 0.01, staticChannel });
      model.getLayer('m0_embedding_offset').setWeights([tf.tensor2d(rows.map((v) => 0.1 * Math.cos(v)), [60, 8])]);
      shiftBiases(model);
      const served = servingModel([model], { ...config, embeddingDecay: 0.01, staticChannel });
      try {
        expect(served.layers.map((l) => l.name)).not.toContain('m0_embedding_offset');
        expect(maxAbsDiff(tfjsLogits(served, texts, 9), tfjsLogits(model, texts, 9))).toBeLessThan(1e-5);
        expect(maxAbsDiff(await onnxLogits(served, texts, 9), tfjsLogits(model, texts, 9))).toBeLessThan(1e-4);
      } finally {
        served.dispose();
        model.dispose();
      }
    }
  });

  it('refuses a static channel or decay beside frozen embeddings', () => {
    expect(() => buildTextCnn({ ...config, initialEmbeddings: rows, trainableEmbeddings: false, embeddingDecay: 0.01 })).toThrow(/embeddingDecay/);
    expect(() => buildTextCnn({ ...config, initialEmbeddings: rows, trainableEmbeddings: false, staticChannel: true })).toThrow(/staticChannel/);
  });

  it('refuses rows of the wrong size', () => {
    expect(() => buildTextCnn({ ...config, initialEmbeddings: rows.subarray(8) })).toThrow(/480/);
  });
});
