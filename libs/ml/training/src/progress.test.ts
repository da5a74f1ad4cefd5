import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatEpochLine, phase } from './progress';
import type { EpochReport } from './train';

const report = (epoch: number, improved = false): EpochReport => ({
  epoch,
  epochs: 3,
  metrics: { val_auc: 0.93421, acc: 0.9, loss: 0.23141, val_loss: 0.25 },
  learningRate: 0.001,
  seconds: 1.234,
  improved,
});

const fakeStream = (isTTY: boolean) => {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 200, write: (chunk: string) => chunks.push(chunk) } };
};

describe('createProgressReporter off a TTY', () => {
  it('writes exactly one line per epoch and ignores batches', () => {
    const { chunks, stream } = fakeStream(false);
    const progress = createProgressReporter({ totalEpochs: 3, stream, label: 'fraud' });
    progress.phase('training');
    for (let epoch = 0; epoch < 3; epoch++) {
      progress.onBatchEnd({ epoch, batch: 0, batches: 2, loss: 1 });
      progress.onEpochEnd(report(epoch, epoch === 1));
    }
    progress.stop();
    expect(chunks).toEqual([
      '== training\n',
      'fraud epoch 1/3 loss=0.2314 acc=0.9000 val_loss=0.2500 val_auc=0.9342 lr=1.00e-3 1.2s\n',
      'fraud epoch 2/3 loss=0.2314 acc=0.9000 val_loss=0.2500 val_auc=0.9342 lr=1.00e-3 1.2s *\n',
      'fraud epoch 3/3 loss=0.2314 acc=0.9000 val_loss=0.2500 val_auc=0.9342 lr=1.00e-3 1.2s\n',
    ]);
  });
});

describe('createProgressReporter on a TTY', () => {
  it('draws a cli-progress bar with the epoch and latest metrics', () => {
    const { chunks, stream } = fakeStream(true);
    const progress = createProgressReporter({ totalEpochs: 3, stream, label: 'xray' });
    progress.onBatchEnd({ epoch: 0, batch: 0, batches: 2, loss: 1 });
    progress.onEpochEnd(report(0));
    progress.stop();
    const output = chunks.join('');
    expect(output).toContain('xray [');
    expect(output).toContain('epoch 1/3');
    expect(output).toContain('val_auc=0.9342');
  });
});

describe('formatting helpers', () => {
  it('switches to exponent notation for tiny or huge values', () => {
    const line = formatEpochLine('t', { ...report(0), metrics: { loss: 1.5e-5, val_loss: Number.NaN }, learningRate: undefined });
    expect(line).toBe('t epoch 1/3 loss=1.50e-5 val_loss=NaN 1.2s');
  });

  it('writes phase lines', () => {
    const { chunks, stream } = fakeStream(false);
    phase('loading data', stream);
    expect(chunks).toEqual(['== loading data\n']);
  });
});
