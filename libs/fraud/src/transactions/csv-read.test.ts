import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTransactionsCsv } from './csv-read';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fraud-csv-read-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

const T0 = Date.UTC(2018, 3, 1, 0, 0, 31);
const expected = [
  { transactionId: '0', timestamp: T0, cardId: '596', merchantId: '3156', amount: 57.16, isFraud: false },
  { transactionId: '1', timestamp: T0 + 11_000, cardId: '4961', merchantId: '3412', amount: 281.06, isFraud: true },
];

describe('readTransactionsCsv', () => {
  it('reads the Fraud Detection Handbook layout as pandas writes it, ignoring the index and helper columns', async () => {
    const path = await csv('handbook.csv', [
      ',TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO',
      '0,0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0',
      '1,1,2018-04-01 00:00:42,4961,3412,281.06,42,0,1,1',
    ]);
    const result = await readTransactionsCsv(path);
    expect(result).toMatchObject({ labelled: true, rows: 2, transactions: expected });
    // The scenario is ground truth for evaluation: beside the transactions, never on them.
    expect(result.fraudScenarios).toEqual(Uint8Array.from([0, 1]));
    expect(result.transactions[1]).toEqual(expected[1]);
  });

  it('reads snake_case and camelCase headers', async () => {
    const snake = await csv('snake.csv', [
      'transaction_id,timestamp,customer_id,terminal_id,amount,label',
      '0,2018-04-01T00:00:31Z,596,3156,57.16,false',
      '1,1522540842000,4961,3412,281.06,true',
    ]);
    const camel = await csv('camel.csv', [
      'transactionId,timestamp,cardId,merchantId,amount,isFraud',
      '0,2018-04-01T02:00:31+02:00,596,3156,57.16,0',
      '1,2018-04-01T00:00:42.000Z,4961,3412,281.06,1',
    ]);
    expect((await readTransactionsCsv(snake)).transactions).toEqual(expected);
    expect((await readTransactionsCsv(camel)).transactions).toEqual(expected);
  });

  it('follows a column map and reads unlabelled files', async () => {
    const path = await csv('mapped.csv', ['ref,when,customer,terminal,eur', 't9,2018-04-01 00:00:31,c1,m1,3.5']);
    const map = { transactionId: 'ref', timestamp: 'when', cardId: 'customer', merchantId: 'terminal', amount: 'eur' };
    const result = await readTransactionsCsv(path, { columnMap: map });
    expect(result.labelled).toBe(false);
    expect(result.transactions).toEqual([{ transactionId: 't9', timestamp: T0, cardId: 'c1', merchantId: 'm1', amount: 3.5 }]);
    expect(result.fraudScenarios).toBeUndefined();
  });

  it('sorts by timestamp, keeping file order for ties', async () => {
    const path = await csv('unsorted.csv', [
      'transaction_id,timestamp,card_id,merchant_id,amount,fraud_scenario',
      'c,2018-04-03,x,m,1,3',
      'a,2018-04-01,x,m,1,1',
      'b1,2018-04-02,x,m,1,2',
      'b2,2018-04-02,x,m,1,0',
    ]);
    const result = await readTransactionsCsv(path);
    expect(result.transactions.map((t) => t.transactionId)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(result.fraudScenarios).toEqual(Uint8Array.from([1, 2, 0, 3]));
  });

  it('handles a byte-order mark, CRLF, blank lines and quoted fields', async () => {
    const path = join(dir, 'quirky.csv');
    const lines = [
      '\uFEFFtransaction_id,timestamp,card_id,merchant_id,amount,merchant_category',
      '"a,1",2018-04-01,c,m,1,"food, ""fine"""',
      '',
      'b,2018-04-02,c,m,2,',
    ];
    await writeFile(path, `${lines.join('\r\n')}\r\n`);
    const { transactions } = await readTransactionsCsv(path);
    expect(transactions.map((t) => [t.transactionId, t.merchantCategory])).toEqual([
      ['a,1', 'food, "fine"'],
      ['b', undefined],
    ]);
  });

  it.each([
    ['a negative amount', '7,2018-04-01 00:00:31,c,m,-3,0', 'amount must be a finite non-negative number (at most 1e9) (got "-3")'],
    ['a NaN amount', '7,2018-04-01 00:00:31,c,m,NaN,0', 'amount must be a finite non-negative number (at most 1e9) (got "NaN")'],
    ['an empty amount', '7,2018-04-01 00:00:31,c,m,,0', 'amount must be a finite non-negative number (at most 1e9) (got "")'],
    ['a missing field', '7,2018-04-01 00:00:31,c', 'merchantId is missing'],
    ['a bad timestamp', '7,2018-04-31 00:00:31,c,m,3,0', 'timestamp must be an ISO 8601 date-time'],
    ['a bad label', '7,2018-04-01 00:00:31,c,m,3,maybe', 'isFraud must be a boolean (0/1 or true/false in CSV) (got "maybe")'],
  ])('names the file, line and field of %s', async (_, row, message) => {
    const header = 'transaction_id,timestamp,card_id,merchant_id,amount,is_fraud';
    const path = await csv('bad.csv', [header, '1,2018-04-01,c,m,1,0', '', row]);
    const error = await readTransactionsCsv(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransactionCsvError', file: path, line: 4 });
    expect((error as Error).message).toContain(`${path} line 4: ${message}`);
  });

  it('counts the lines of quoted multi-line fields', async () => {
    const path = await csv('multiline.csv', [
      'transaction_id,timestamp,card_id,merchant_id,amount,merchant_category',
      '1,2018-04-01,c,m,1,"two',
      'lines"',
      '2,2018-04-01,c,m,-1,x',
    ]);
    await expect(readTransactionsCsv(path)).rejects.toThrow(`${path} line 4: amount`);
  });

  it('reports malformed CSV, a missing column and an empty file', async () => {
    const unclosed = await csv('unclosed.csv', ['transaction_id,timestamp,card_id,merchant_id,amount', '1,2018-04-01,"c,m,1']);
    await expect(readTransactionsCsv(unclosed)).rejects.toThrow(new RegExp(`^${unclosed} line \\d+: .*quote`, 'i'));
    const noAmount = await csv('no-amount.csv', ['transaction_id,timestamp,card_id,merchant_id', '1,2018-04-01,c,m']);
    await expect(readTransactionsCsv(noAmount)).rejects.toThrow(`${noAmount}: no column for amount`);
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    await expect(readTransactionsCsv(empty)).rejects.toThrow(`${empty}: empty file (no header)`);
  });
});
