import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { learningRateAt } from './lr-schedule';
import { buildMlp, separableData, silent, weightsOf } from './test-fixtures';
import { trainModel, type EpochReport, type TrainOptions } from './train';

beforeAll(async () => {
  await selectBackend({ prefer: 'cpu', log: silent });
});

const base = (seed = 11): Omit<TrainOptions, 'model'> => {
  const train = separableData(512, 1);
  const validation = separableData(256, 2);
  return { x: train.x, y: train.y, validation: { x: validation.x, y: validation.y }, epochs: 12, batchSize: 32, seed };
};

describe('trainModel', () => {
  it('learns a separable problem', async () => {
    const model = buildMlp(5);
    const { history, bestEpoch, stoppedEarly } = await trainModel({ model, ...base() });
    const last = history.at(-1) as EpochReport;
    expect(last.metrics['val_acc']).toBeGreaterThan(0.95);
    expect(last.metrics['loss']).toBeLessThan((history[0] as EpochReport).metrics['loss'] as number);
    expect(history.map((h) => h.epoch)).toEqual([...Array(12).keys()]);
    expect(bestEpoch).toBe(11);
    expect(stoppedEarly).toBe(false);
  });

  it('is reproducible: same seed, same losses and weights (Dropout included); another seed differs', async () => {
    const run = async (seed: number) => {
      const model = buildMlp(5);
      const { history } = await trainModel({ model, ...base(seed), epochs: 4 });
      return { losses: history.map((h) => h.metrics['loss']), weights: weightsOf(model) };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(b.losses).toEqual(a.losses);
    a.weights.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - (b.weights[i]?.[j] as number))).toBeLessThan(1e-6)));
    expect(c.losses).not.toEqual(a.losses);
  });

  it('leaks no tensors from epoch to epoch', async () => {
    const model = buildMlp(5);
    const counts: number[] = [];
    await trainModel({
      model,
      ...base(),
      epochs: 5,
      validationMetrics: () => ({ constant: 1 }),
      earlyStopping: { metric: 'val_loss', mode: 'min', patience: 10, restoreBest: true },
      onEpochEnd: () => counts.push(tf.memory().numTensors),
    });
    expect(new Set(counts).size).toBe(1);
    // The best-weights snapshot is released when training returns.
    expect(tf.memory().numTensors).toBeLessThan(counts[0] as number);
  });

  it('trains on what augment returns, once per epoch, and disposes it', async () => {
    const model = buildMlp(5);
    const epochs: number[] = [];
    const counts: number[] = [];
    const { history } = await trainModel({
      model,
      ...base(),
      epochs: 4,
      // Destroying the signal must stop learning: proof that fit saw the augmented inputs.
      augment: (x, epoch) => {
        epochs.push(epoch);
        return tf.zerosLike(x as tf.Tensor);
      },
      onEpochEnd: () => counts.push(tf.memory().numTensors),
    });
    expect(epochs).toEqual([0, 1, 2, 3]);
    expect(history.at(-1)?.metrics['val_acc']).toBeLessThan(0.75);
    expect(new Set(counts).size).toBe(1);
  });

  it('applies the learning-rate schedule per epoch and reports each batch', async () => {
    const learningRate = { initial: 0.05, schedule: 'cosine', warmupEpochs: 1 } as const;
    const batches: string[] = [];
    const { history } = await trainModel({
      model: buildMlp(5),
      ...base(),
      epochs: 3,
      batchSize: 200,
      learningRate,
      onBatchEnd: ({ epoch, batch, batches: total, loss }) => {
        expect(Number.isFinite(loss)).toBe(true);
        batches.push(`${epoch}:${batch}/${total}`);
      },
    });
    expect(history.map((h) => h.learningRate)).toEqual([0, 1, 2].map((e) => learningRateAt(learningRate, e, 3)));
    expect(batches).toEqual(['0:0/3', '0:1/3', '0:2/3', '1:0/3', '1:1/3', '1:2/3', '2:0/3', '2:1/3', '2:2/3']);
  });

  it('passes class weights to the loss', async () => {
    // 10% positives: weighting them up should raise the predicted positive rate.
    const { x, labels } = separableData(500, 3);
    const rare = Float32Array.from(labels, (label, i) => (label === 1 && i % 5 === 0 ? 1 : 0));
    const y = tf.tensor2d(rare, [500, 1]);
    const meanPrediction = async (classWeight?: Record<number, number>) => {
      const model = buildMlp(5);
      const { history } = await trainModel({ model, x, y, epochs: 3, batchSize: 50, seed: 1, classWeight });
      const predicted = model.predict(x) as tf.Tensor;
      const mean = (await predicted.mean().data())[0] as number;
      tf.dispose(predicted);
      return { mean, loss: history.at(-1)?.metrics['loss'] };
    };
    const plain = await meanPrediction();
    const weighted = await meanPrediction({ 0: 0.55, 1: 5 });
    expect(weighted.loss).not.toBe(plain.loss);
    expect(weighted.mean).toBeGreaterThan(plain.mean + 0.1);
  });

  it('reports custom validation metrics with a val_ prefix from flattened arrays', async () => {
    const seen: number[][] = [];
    const { history } = await trainModel({
      model: buildMlp(5),
      ...base(),
      epochs: 1,
      validationMetrics: (yTrue, yPred, shape) => {
        seen.push([yTrue.length, yPred.length, ...shape]);
        return { mae: yTrue.reduce((sum, t, i) => sum + Math.abs(t - (yPred[i] as number)), 0) / yTrue.length };
      },
    });
    expect(seen).toEqual([[256, 256, 256, 1]]);
    expect(history[0]?.metrics['val_mae']).toBeGreaterThan(0);
  });

  it('rejects an uncompiled model and mismatched rows', async () => {
    const { x, y } = separableData(10, 1);
    const uncompiled = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
    await expect(trainModel({ model: uncompiled, x, y, epochs: 1, batchSize: 4, seed: 1 })).rejects.toThrow(/compile/);
    await expect(trainModel({ model: buildMlp(1), x, y: tf.zeros([9, 1]), epochs: 1, batchSize: 4, seed: 1 })).rejects.toThrow(/same number of rows/);
    await expect(trainModel({ model: buildMlp(1), x, y, epochs: 0, batchSize: 4, seed: 1 })).rejects.toThrow(/epochs/);
  });
});
