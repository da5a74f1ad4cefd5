import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { EarlyStopping } from './early-stopping';
import { buildMlp, separableData, silent, weightsOf } from './test-fixtures';
import { trainModel } from './train';

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without beating the best by minDelta', () => {
    const stopper = new EarlyStopping({ metric: 'val_loss', mode: 'min', patience: 2, restoreBest: true, minDelta: 0.01 });
    const decisions = [1.0, 0.8, 0.795, 0.9, 0.7].map((v, epoch) => stopper.update(epoch, { val_loss: v }));
    expect(decisions.map((d) => d.improved)).toEqual([true, true, false, false, true]);
    expect(decisions.map((d) => d.stop)).toEqual([false, false, false, true, false]);
    expect(stopper.bestEpoch).toBe(4);
    expect(stopper.bestValue).toBe(0.7);
  });

  it('never counts NaN as an improvement and names the metrics it has when one is missing', () => {
    const stopper = new EarlyStopping({ metric: 'val_auc', mode: 'max', patience: 1, restoreBest: false });
    expect(stopper.update(0, { val_auc: Number.NaN })).toEqual({ improved: false, stop: true });
    expect(stopper.bestEpoch).toBe(-1);
    expect(() => stopper.update(1, { loss: 1, val_loss: 1 })).toThrow(/"val_auc".*loss, val_loss/);
    expect(() => new EarlyStopping({ metric: 'x', mode: 'max', patience: -1, restoreBest: false })).toThrow(RangeError);
  });
});

describe('trainModel with early stopping', () => {
  beforeAll(async () => {
    await selectBackend({ prefer: 'cpu', log: silent });
  });

  it('stops when a scripted metric stalls and restores the best epoch weights', async () => {
    const scores = [0.5, 0.8, 0.7, 0.75, 0.6, 0.9];
    let call = 0;
    const weightsByEpoch: Float32Array[][] = [];
    const model = buildMlp(5);
    const train = separableData(256, 1);
    const validation = separableData(64, 2);
    const result = await trainModel({
      model,
      x: train.x,
      y: train.y,
      validation: { x: validation.x, y: validation.y },
      epochs: scores.length,
      batchSize: 32,
      seed: 3,
      validationMetrics: () => ({ score: scores[call++] as number }),
      earlyStopping: { metric: 'val_score', mode: 'max', patience: 2, restoreBest: true },
      onEpochEnd: () => weightsByEpoch.push(weightsOf(model)),
    });
    expect(result.history.map((h) => h.metrics['val_score'])).toEqual([0.5, 0.8, 0.7, 0.75]);
    expect(result.history.map((h) => h.improved)).toEqual([true, true, false, false]);
    expect(result.stoppedEarly).toBe(true);
    expect(result.bestEpoch).toBe(1);
    expect(weightsOf(model)).toEqual(weightsByEpoch[1]);
    expect(weightsOf(model)).not.toEqual(weightsByEpoch[3]);
  });
});
