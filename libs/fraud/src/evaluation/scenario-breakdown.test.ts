import { describe, expect, it } from 'vitest';
import type { LabelledTransaction } from '../transactions';
import { handbookTestSet } from './delayed-evaluation';
import { scenarioBreakdown } from './scenario-breakdown';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const [AMOUNT_OUTLIER, COMPROMISED_TERMINAL, COMPROMISED_CARD] = [1, 2, 3];

// [day, card, merchant, scenario (0: legitimate), score if in the scored window]
const rows: [number, string, string, number, number?][] = [
  [0, 'a', 'm1', COMPROMISED_TERMINAL],
  [1, 'd', 'm2', COMPROMISED_TERMINAL],
  [2, 'f', 'm3', COMPROMISED_CARD],
  [5, 'b', 'm1', COMPROMISED_TERMINAL],
  [10, 'h', 'm1', 0, 0.6],
  // m1's compromise began on day 0 (gaps of 5 and 6 days ≤ the delay): labelled by now.
  [11, 'c', 'm1', COMPROMISED_TERMINAL, 0.9],
  // Card f's day-2 fraud is older than the delay: the card is known and leaves the test set.
  [12, 'f', 'm4', COMPROMISED_CARD, 0.99],
  [13, 'g', 'm5', AMOUNT_OUTLIER, 0.7],
  // m2's previous fraud is 15 days back: a new compromise, begun today, with no label possible.
  [16, 'e', 'm2', COMPROMISED_TERMINAL, 0.1],
  [17, 'h', 'm2', 0, 0.2],
];
const transactions: LabelledTransaction[] = rows.map(([day, cardId, merchantId, scenario], i) => ({
  transactionId: `t${i}`,
  timestamp: T0 + day * DAY_MS + 3_600_000,
  cardId,
  merchantId,
  amount: 10,
  isFraud: scenario !== 0,
}));
const scenarios = Uint8Array.from(rows.map((r) => r[3]));
const window = rows.flatMap((r, i) => (r[4] === undefined ? [] : [i]));
const scored = { source: Int32Array.from(window), scores: Float32Array.from(window, (i) => rows[i]![4]!) };
const protocol = { labelDelayDays: 7, knownSince: T0 };

describe('scenarioBreakdown', () => {
  const breakdown = scenarioBreakdown(transactions, scenarios, scored, { inTestSet: handbookTestSet(transactions, protocol), threshold: 0.5, labelDelayDays: 7 });

  it('counts recall per scenario on the Handbook test set only', () => {
    // Card f's fraud (score 0.99) is excluded, so compromisedCard has no test frauds.
    expect(breakdown.recallByScenario).toEqual({ amountOutlier: 1, compromisedTerminal: 0.5 });
  });

  it('finds the compromised-terminal frauds younger than the label delay', () => {
    expect(breakdown.beforeFirstTerminalLabel).toEqual({ frauds: 1, shareOfTestFrauds: 0.333 });
  });
});
