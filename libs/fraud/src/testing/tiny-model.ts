import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectBackend } from '@dl-suite/ml-training';
import { simulateTransactions, type SimulatedTransaction } from '../simulator';
import { saveFraudModel } from '../model/save-model';
import { dayWindow } from '../model/windows';
import { trainFraudModel } from '../training/train-fraud-model';

export interface TinyModel {
  dir: string;
  transactions: SimulatedTransaction[];
}

/**
 * A small real model for tests: a simulated month and a half, trained for a few seconds.
 * Quality is not the point (the bundled model's is tested separately); a real model
 * folder, real features and real ONNX inference are.
 */
export async function trainTinyModel(): Promise<TinyModel> {
  await selectBackend({ log: () => undefined });
  const transactions = [
    ...simulateTransactions({ customers: 600, merchants: 1200, days: 45, startDate: '2024-01-01', seed: 11 }),
  ];
  const trainWindow = dayWindow('2024-02-01', '2024-02-10', ['from', 'until']);
  const trained = await trainFraudModel({
    transactions,
    trainWindow,
    validationDays: 3,
    labelDelayDays: 7,
    seed: 5,
    epochs: 25,
    batchSize: 128,
    patience: 5,
    fraudWeight: 3,
    ensembleSize: 2,
    reviewPrecision: 0.3,
    declinePrecision: 0.9,
  });
  const dir = await mkdtemp(join(tmpdir(), 'fraud-model-'));
  await saveFraudModel(dir, trained, {
    name: 'fraud-tiny',
    version: '0.0.1',
    dataDescription: 'simulated (tests)',
    trainWindow,
    labelDelayDays: 7,
    dataFingerprint: '0'.repeat(64),
    dataRows: transactions.length,
    seed: 5,
    reviewPrecision: 0.3,
    declinePrecision: 0.9,
  });
  trained.model.dispose();
  return { dir, transactions };
}
