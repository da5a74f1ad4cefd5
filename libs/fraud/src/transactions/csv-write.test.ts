import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTransactionsCsv } from './csv-read';
import { writeTransactionsCsv, type TransactionRecord } from './csv-write';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fraud-csv-write-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2018, 3, 1, 0, 0, 31);
const plain = { transactionId: '1', timestamp: T0, cardId: 'c1', merchantId: 'm1', amount: 57.16 };
const full = {
  transactionId: 'id "2", quoted',
  timestamp: T0 + 1234,
  cardId: 'c,2',
  merchantId: 'm\n2',
  amount: 0.1 + 0.2,
  currency: 'EUR',
  merchantCategory: 'grocery',
  channel: 'card_present' as const,
  lat: 48.123456,
  lon: -2.5,
};

describe('writeTransactionsCsv', () => {
  it('writes the snake_case header and ISO timestamps', async () => {
    const path = join(dir, 'labelled.csv');
    expect(await writeTransactionsCsv(path, [{ ...plain, isFraud: true, fraudScenario: 2 }])).toBe(1);
    expect(await readFile(path, 'utf8')).toBe(
      'transaction_id,timestamp,customer_id,terminal_id,amount,currency,merchant_category,channel,lat,lon,is_fraud,fraud_scenario\n' +
        '1,2018-04-01T00:00:31.000Z,c1,m1,57.16,,,,,,1,2\n',
    );
  });

  it('round-trips through readTransactionsCsv, quoting where needed', async () => {
    const txs: TransactionRecord[] = [
      { ...plain, isFraud: false, fraudScenario: 0 },
      { ...full, isFraud: true, fraudScenario: 5 },
    ];
    const path = join(dir, 'round-trip.csv');
    await writeTransactionsCsv(path, txs);
    const read = await readTransactionsCsv(path);
    expect(read.transactions).toEqual(txs.map(({ fraudScenario: _, ...tx }) => tx));
    expect(read.fraudScenarios).toEqual(Uint8Array.from([0, 5]));
  });

  it('leaves the label columns out for unlabelled transactions', async () => {
    const path = join(dir, 'unlabelled.csv');
    await writeTransactionsCsv(path, [plain, full]);
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(
      'transaction_id,timestamp,customer_id,terminal_id,amount,currency,merchant_category,channel,lat,lon',
    );
    expect(await readTransactionsCsv(path)).toMatchObject({ labelled: false, transactions: [plain, full] });
  });

  it('refuses to write a half-labelled file', async () => {
    await expect(writeTransactionsCsv(join(dir, 'mixed.csv'), [{ ...plain, isFraud: true }, plain])).rejects.toThrow(
      'transaction 1: every transaction must carry isFraud/fraudScenario if the first one does',
    );
  });

  it('writes only a header for no transactions', async () => {
    const path = join(dir, 'empty.csv');
    expect(await writeTransactionsCsv(path, [])).toBe(0);
    expect(await readTransactionsCsv(path)).toMatchObject({ rows: 0, transactions: [] });
  });
});
