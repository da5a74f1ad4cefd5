import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTransactionsCsv } from '../transactions/csv-read';
import { simulateTransactions } from './simulate';
import { simulateToCsv, type SimulationProgress } from './to-csv';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fraud-to-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('simulateToCsv', () => {
  it('writes what simulateTransactions makes, reporting each day and a per-scenario summary', async () => {
    const options = { customers: 200, merchants: 400, days: 12, seed: 5 };
    const path = join(dir, 'sim.csv');
    const progress: SimulationProgress[] = [];
    const summary = await simulateToCsv(path, options, (p) => progress.push(p));

    const expected = [...simulateTransactions(options)];
    expect(progress.map((p) => p.daysDone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(progress.at(-1)).toEqual({ daysDone: 12, days: 12, transactions: expected.length });
    expect(summary.transactions).toBe(expected.length);
    expect(summary.frauds).toBe(expected.filter((tx) => tx.isFraud).length);
    expect(summary.byScenario.compromisedCard).toBe(expected.filter((tx) => tx.fraudScenario === 3).length);

    const read = await readTransactionsCsv(path);
    expect(read.labelled).toBe(true);
    expect(read.transactions).toEqual(expected.map(({ fraudScenario: _, ...tx }) => tx));
    expect(Array.from(read.fraudScenarios ?? [])).toEqual(expected.map((tx) => tx.fraudScenario));
  });

  it('rejects bad options before writing anything', async () => {
    await expect(simulateToCsv(join(dir, 'bad.csv'), { days: 0 })).rejects.toThrow(/days/);
  });
});
