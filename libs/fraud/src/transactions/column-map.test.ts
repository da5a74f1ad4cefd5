import { describe, expect, it } from 'vitest';
import { parseColumnMap, resolveColumns } from './column-map';

describe('parseColumnMap', () => {
  it('parses the CLI syntax', () => {
    expect(parseColumnMap('cardId=customer, merchantId=terminal')).toEqual({ cardId: 'customer', merchantId: 'terminal' });
    expect(parseColumnMap('')).toEqual({});
  });

  it.each([
    ['cardId', /field=header/],
    ['cardId=', /field=header/],
    ['card=customer', /unknown field "card"/],
    ['cardId=a,cardId=b', /mapped twice/],
  ])('rejects %j', (spec, message) => expect(() => parseColumnMap(spec)).toThrow(message));
});

describe('resolveColumns', () => {
  it.each([
    ['camelCase', 'transactionId,timestamp,cardId,merchantId,amount,isFraud'],
    ['snake_case', 'transaction_id,timestamp,customer_id,terminal_id,amount,is_fraud'],
    ['Handbook', 'TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_FRAUD'],
  ])('recognises %s headers', (_, header) => {
    expect(resolveColumns(header.split(','), {}, 'f.csv')).toEqual({
      transactionId: 0,
      timestamp: 1,
      cardId: 2,
      merchantId: 3,
      amount: 4,
      isFraud: 5,
    });
  });

  it('ignores the Handbook time helpers and unknown columns, keeps the scenario apart', () => {
    const header = 'TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO,notes';
    expect(resolveColumns(header.split(','), {}, 'f.csv')).toEqual({
      transactionId: 0,
      timestamp: 1,
      cardId: 2,
      merchantId: 3,
      amount: 4,
      isFraud: 7,
      fraudScenario: 8,
    });
  });

  it('lets a column map override the guesses, case-insensitively', () => {
    const header = ['id', 'when', 'customer', 'terminal', 'terminal_id', 'value'];
    const map = { transactionId: 'ID', timestamp: 'when', cardId: 'Customer', merchantId: 'terminal', amount: 'value' };
    expect(resolveColumns(header, map, 'f.csv')).toMatchObject({ merchantId: 3, cardId: 2 });
  });

  it('asks for a column map when a field is missing or ambiguous', () => {
    expect(() => resolveColumns(['transaction_id', 'timestamp', 'card_id', 'amount'], {}, 'f.csv')).toThrow(
      'f.csv: no column for merchantId (looked for merchantid, merchant_id, terminalid, terminal_id); map one with merchantId=<header>',
    );
    const twoCards = ['transaction_id', 'timestamp', 'card_id', 'customer_id', 'merchant_id', 'amount'];
    expect(() => resolveColumns(twoCards, {}, 'f.csv')).toThrow(/"card_id" and "customer_id" could all be cardId/);
    expect(() => resolveColumns(['a'], { cardId: 'customer' }, 'f.csv')).toThrow('f.csv: column "customer" for cardId not found');
  });
});
