import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { learningRateAt, setOptimizerLearningRate, type LearningRateConfig } from './lr-schedule';
import { buildMlp, separableData, silent, weightsOf } from './test-fixtures';

const ratesFor = (config: LearningRateConfig, epochs: number): number[] =>
  Array.from({ length: epochs }, (_, epoch) => learningRateAt(config, epoch, epochs));

describe('learningRateAt', () => {
  it('keeps a constant rate', () => {
    expect(ratesFor({ initial: 0.01, schedule: 'constant' }, 3)).toEqual([0.01, 0.01, 0.01]);
  });

  it('follows a half cosine from initial towards the minimum', () => {
    const rates = ratesFor({ initial: 1, schedule: 'cosine' }, 4);
    [1, 0.5 * (1 + Math.cos(Math.PI / 4)), 0.5, 0.5 * (1 + Math.cos((3 * Math.PI) / 4))].forEach((r, i) => expect(rates[i]).toBeCloseTo(r, 12));
    expect(learningRateAt({ initial: 1, schedule: 'cosine', minimum: 0.1 }, 2, 4)).toBeCloseTo(0.55, 12);
  });

  it('steps down by gamma every n epochs, defaulting to thirds and 0.1', () => {
    const custom = ratesFor({ initial: 1, schedule: 'step', step: { every: 2, gamma: 0.5 } }, 6);
    expect(custom).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    const defaults = ratesFor({ initial: 1, schedule: 'step' }, 9);
    defaults.forEach((r, i) => expect(r).toBeCloseTo([1, 1, 1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01][i] as number, 12));
  });

  it('warms up linearly, then runs the schedule over the remaining epochs', () => {
    const rates = ratesFor({ initial: 0.3, schedule: 'cosine', warmupEpochs: 3 }, 5);
    [0.1, 0.2, 0.3, 0.3, 0.15].forEach((r, i) => expect(rates[i]).toBeCloseTo(r, 12));
  });

  it('calls a custom schedule with the 0-based epoch and validates what it returns', () => {
    expect(ratesFor({ initial: 0, schedule: (epoch) => 1 / (epoch + 1) }, 3)).toEqual([1, 0.5, 1 / 3]);
    expect(() => learningRateAt({ initial: 0, schedule: () => -1 }, 0, 1)).toThrow(/epoch 0/);
    expect(() => learningRateAt({ initial: 1, schedule: () => 1, warmupEpochs: 1 }, 0, 1)).toThrow(/named schedules/);
  });
});

describe('setOptimizerLearningRate', () => {
  beforeAll(async () => {
    await selectBackend({ prefer: 'cpu', log: silent });
  });

  // A rate of 0 must freeze the weights; if the setter did not reach the update rule they would move.
  it.each([
    ['adam', () => tf.train.adam(0.1)],
    ['sgd', () => tf.train.sgd(0.1)],
    ['momentum', () => tf.train.momentum(0.1, 0.9)],
    ['rmsprop', () => tf.train.rmsprop(0.1)],
  ])('takes effect on %s', async (_name, makeOptimizer) => {
    const { x, y } = separableData(64, 1);
    const model = buildMlp(3, makeOptimizer());
    const before = weightsOf(model);
    setOptimizerLearningRate(model.optimizer, 0);
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    expect(weightsOf(model)).toEqual(before);
    setOptimizerLearningRate(model.optimizer, 0.1);
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    expect(weightsOf(model)).not.toEqual(before);
    tf.dispose([x, y]);
    model.dispose();
  });
});
