import { describe, expect, it } from 'vitest';
import type { LabelledTransaction } from '../transactions';
import { evaluateWithLabelDelay, handbookTestSet } from './delayed-evaluation';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

// [day, card, fraud, score]; every row is in the scored window.
const rows: [number, string, boolean, number][] = [
  [0, 'a', true, 0.9],
  [0, 'b', false, 0.8],
  [0, 'c', true, 0.1],
  // a was caught in day 0's top 2: it leaves the day-1 ranking, so c and b make the top 2 (0.5,
  // where ranking a again would give 1).
  [1, 'a', true, 0.95],
  [1, 'c', true, 0.7],
  [1, 'b', false, 0.6],
  [1, 'd', false, 0.2],
  // b was in day 0's top 2 but legitimate, so it stays in the ranking.
  [2, 'b', false, 0.5],
  [2, 'd', false, 0.4],
  [2, 'e', true, 0.3],
];
const transactions: LabelledTransaction[] = rows.map(([day, cardId, isFraud], i) => ({
  transactionId: `t${i}`,
  timestamp: T0 + day * DAY_MS + 3_600_000,
  cardId,
  merchantId: 'm',
  amount: 10,
  isFraud,
}));
const scored = { source: Int32Array.from(rows, (_, i) => i), scores: Float32Array.from(rows, (r) => r[3]) };

describe('evaluateWithLabelDelay', () => {
  // Labels are known only 7 days late, so no card leaves the test set in these 3 days.
  const evaluation = evaluateWithLabelDelay(transactions, scored, {
    inTestSet: handbookTestSet(transactions, { labelDelayDays: 7, knownSince: T0 }),
    k: 2,
  });

  it('ranks each day without the cards already caught on earlier days, as the Handbook does', () => {
    expect(evaluation.cardPrecisionAtK.daily).toEqual([
      { day: '2024-01-01', cards: 3, precision: 0.5 },
      { day: '2024-01-02', cards: 3, precision: 0.5 },
      { day: '2024-01-03', cards: 3, precision: 0 },
    ]);
    expect(evaluation.cardPrecisionAtK.mean).toBeCloseTo(1 / 3, 12);
  });

  it('scores every test transaction, caught cards included', () => {
    expect(evaluation.transactions).toBe(rows.length);
    expect(evaluation.frauds).toBe(5);
  });
});
