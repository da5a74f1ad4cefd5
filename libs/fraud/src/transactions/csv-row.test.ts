import { describe, expect, it } from 'vitest';
import { CSV_FIELDS } from './column-map';
import { createRowReader } from './csv-row';
import { TransactionSchema } from './schema';

const header = CSV_FIELDS.filter((f) => f !== 'isFraud' && f !== 'fraudScenario');
const reader = createRowReader(Object.fromEntries(header.map((field, i) => [field, i])));
const base: Record<string, string> = {
  transactionId: 't1',
  timestamp: '2018-04-01 00:00:31',
  cardId: 'c1',
  merchantId: 'm1',
  amount: '12.5',
  currency: 'EUR',
  merchantCategory: 'grocery',
  channel: 'online',
  lat: '48.5',
  lon: '2.25',
};
const NUMERIC = new Set(['amount', 'lat', 'lon']);

// The same value, as the CSV reader sees it and as a JSON client would send it.
const cases: [string, string][] = [
  ['transactionId', ''],
  ['transactionId', 'x'.repeat(128)],
  ['transactionId', 'x'.repeat(129)],
  ['timestamp', '2018-04-01T00:00:31+02:00'],
  ['timestamp', '1989-12-31T23:59:59Z'],
  ['timestamp', '2100-01-01T00:00:00Z'],
  ['timestamp', '2018-02-30 00:00:00'],
  ['amount', '0'],
  ['amount', '1e9'],
  ['amount', '1000000000.01'],
  ['amount', '-0.01'],
  ['amount', 'NaN'],
  ['amount', 'Infinity'],
  ['currency', 'eur'],
  ['currency', 'EURO'],
  ['merchantCategory', 'c'.repeat(65)],
  ['channel', 'atm'],
  ['channel', 'ATM'],
  ['lat', '90'],
  ['lat', '-90.0001'],
  ['lon', '180'],
  ['lon', '180.5'],
];

describe('CSV row reader', () => {
  it.each(cases)('agrees with the zod schema on %s = %j', (field, raw) => {
    const fields = { ...base, [field]: raw };
    const json = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, NUMERIC.has(k) ? Number(v) : v]),
    );
    const csvAccepts = (() => {
      try {
        reader.transaction(header.map((f) => fields[f] ?? ''));
        return true;
      } catch {
        return false;
      }
    })();
    expect(csvAccepts).toBe(TransactionSchema.safeParse(json).success);
  });

  it('builds the same transaction as the schema', () => {
    const json = { ...base, amount: 12.5, lat: 48.5, lon: 2.25 };
    expect(reader.transaction(header.map((f) => base[f] ?? ''))).toEqual(TransactionSchema.parse(json));
  });

  it('leaves empty optional cells out', () => {
    const tx = reader.transaction(header.map((f) => (NUMERIC.has(f) && f !== 'amount' ? '' : (base[f] ?? ''))));
    expect(tx).not.toHaveProperty('lat');
    expect(tx).not.toHaveProperty('lon');
  });
});
