import { describe, expect, it } from 'vitest';
import { trainingHistoryPlots } from './training-history';

describe('trainingHistoryPlots', () => {
  it('pairs each metric with its validation twin, one plot per metric', async () => {
    const plots = await trainingHistoryPlots({
      loss: [0.9, 0.6, 0.5],
      val_loss: [1, 0.7, 0.65],
      acc: Float32Array.from([0.5, 0.7, 0.8]),
      'val_auc@0.5': [0.6, 0.7, 0.75],
      empty: [],
    });
    expect(plots.map((p) => p.file)).toEqual(['training-loss.svg', 'training-acc.svg', 'training-auc-0-5.svg']);
    const loss = plots[0]!.svg;
    expect(loss).toContain('Training loss');
    expect(loss).toContain('Epoch');
    expect(loss).toContain('val_loss');
  });
});
