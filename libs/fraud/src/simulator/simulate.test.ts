import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabelledTransactionSchema } from '../transactions/schema';
import { handbookPreset, resolveSimulationOptions, type SimulationOptions } from './options';
import { distanceFromHome } from './profiles';
import { createSimulation, simulateTransactions } from './simulate';
import { simulateToCsv } from './to-csv';

const small: SimulationOptions = { customers: 300, merchants: 600, days: 21, seed: 42 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fraud-simulate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function csvHash(name: string, options: SimulationOptions): Promise<string> {
  const path = join(dir, name);
  await simulateToCsv(path, options);
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

describe('simulateTransactions', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', async () => {
    const first = await csvHash('a.csv', small);
    expect(await csvHash('b.csv', small)).toBe(first);
    expect(await csvHash('c.csv', { ...small, seed: 43 })).not.toBe(first);
  });

  it('makes a shorter simulation a prefix of a longer one', () => {
    const short = [...simulateTransactions({ ...small, days: 5 })];
    expect([...simulateTransactions(small)].slice(0, short.length)).toEqual(short);
  });

  it('makes only transactions the API would accept, in time order with sequential ids', () => {
    const txs = [...simulateTransactions(small)];
    expect(txs.length).toBeGreaterThan(5000);
    const invalid = txs.filter(({ fraudScenario: _, ...tx }) => !LabelledTransactionSchema.safeParse(tx).success);
    expect(invalid).toEqual([]);
    expect(txs.every((tx) => tx.isFraud === (tx.fraudScenario !== 0))).toBe(true);
    expect(txs.every((tx, i) => tx.transactionId === String(i))).toBe(true);
    expect(txs.every((tx, i) => i === 0 || tx.timestamp >= (txs[i - 1] as typeof tx).timestamp)).toBe(true);
  });

  it('keeps customers at the terminals near home, with the Handbook daily rhythm', () => {
    const sim = createSimulation(small);
    const { customers, terminals } = sim;
    const hours = new Array<number>(24).fill(0);
    let farthest = 0;
    for (const day of sim.days()) {
      for (const tx of day) {
        if (tx.fraudScenario >= 4) continue;
        const c = Number(tx.cardId);
        const t = Number(tx.merchantId);
        farthest = Math.max(farthest, distanceFromHome(customers, c, terminals, t));
        const hour = new Date(tx.timestamp).getUTCHours();
        hours[hour] = (hours[hour] ?? 0) + 1;
      }
    }
    expect(farthest).toBeLessThan(sim.options.radius);
    // N(noon, 20 000 s): around midday is busiest, the small hours quietest.
    expect(hours[12]).toBeGreaterThan(5 * (hours[1] as number));
  });

  it('makes some customers quieter at weekends when asked', () => {
    const count = (weekendDip: number, weekend: boolean) =>
      [...simulateTransactions({ ...small, days: 28, weekendDip, scenarios: handbookPreset.scenarios })].filter(
        (tx) => [0, 6].includes(new Date(tx.timestamp).getUTCDay()) === weekend,
      ).length;
    expect(count(0.5, false)).toBe(count(0, false));
    expect(count(0.5, true)).toBeLessThan(0.85 * count(0, true));
  });
});

describe('handbookPreset', () => {
  it('has the Handbook defaults and its three scenarios only', () => {
    const options = resolveSimulationOptions(handbookPreset);
    const handbook = { customers: 5000, merchants: 10_000, days: 183, startDate: '2018-04-01', radius: 5, weekendDip: 0 };
    expect(options).toMatchObject(handbook);
    expect(options.scenarios).toMatchObject({
      amountOutlier: { enabled: true, threshold: 220 },
      compromisedTerminals: { enabled: true, perDay: 2, days: 28 },
      compromisedCards: { enabled: true, perDay: 3, days: 14, share: 1 / 3, amountFactor: 5 },
      cardTesting: { enabled: false },
      accountTakeover: { enabled: false },
    });
  });
});
