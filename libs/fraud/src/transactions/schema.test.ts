import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseLabelledTransaction, parseTransaction, TransactionInputSchema, TransactionSchema } from './schema';

const valid = { transactionId: 't1', timestamp: '2018-04-01T00:00:31Z', cardId: 'c1', merchantId: 'm1', amount: 12.5 };

function issues(input: unknown): string[] {
  const result = TransactionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('TransactionSchema', () => {
  it('normalises the timestamp to epoch milliseconds', () => {
    expect(parseTransaction(valid)).toEqual({ ...valid, timestamp: Date.UTC(2018, 3, 1, 0, 0, 31) });
    expect(parseTransaction({ ...valid, timestamp: 1522540831000 }).timestamp).toBe(1522540831000);
  });

  it('keeps the optional fields', () => {
    const full = { ...valid, currency: 'EUR', merchantCategory: 'grocery', channel: 'online', lat: -33.9, lon: 151.2 };
    expect(parseTransaction(full)).toEqual({ ...full, timestamp: Date.UTC(2018, 3, 1, 0, 0, 31) });
  });

  it.each([
    ['negative', -3],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['astronomical', 1e12],
    ['a string', '12'],
  ])('rejects a %s amount, naming the field', (_, amount) => {
    expect(issues({ ...valid, amount })).toEqual(['amount: amount must be a finite non-negative number (at most 1e9)']);
  });

  it('names every bad field', () => {
    const bad = { ...valid, transactionId: '', timestamp: 'soon', cardId: 7, currency: 'euro', channel: 'fax', lat: 91, lon: -181 };
    expect(issues(bad).map((m) => m.split(':')[0])).toEqual(['transactionId', 'timestamp', 'cardId', 'currency', 'channel', 'lat', 'lon']);
  });

  it('rejects epoch seconds passed as milliseconds and ids over 128 characters', () => {
    expect(issues({ ...valid, timestamp: 1522540831 })).toHaveLength(1);
    expect(issues({ ...valid, merchantId: 'm'.repeat(129) })).toHaveLength(1);
  });

  it('requires a boolean label for labelled transactions', () => {
    expect(parseLabelledTransaction({ ...valid, isFraud: true }).isFraud).toBe(true);
    expect(() => parseLabelledTransaction({ ...valid, isFraud: 1 })).toThrow(/isFraud/);
  });

  it('describes the API input with its limits', () => {
    type JsonSchema = { properties: Record<string, Record<string, unknown>>; required: string[] };
    const json = z.toJSONSchema(TransactionInputSchema) as JsonSchema;
    expect(json.required).toEqual(['transactionId', 'timestamp', 'cardId', 'merchantId', 'amount']);
    expect(json.properties.amount).toMatchObject({ minimum: 0, maximum: 1e9 });
    expect(json.properties.cardId).toMatchObject({ minLength: 1, maxLength: 128 });
  });
});
