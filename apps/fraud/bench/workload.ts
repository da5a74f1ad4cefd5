import { simulateTransactions, type SimulatedTransaction } from '@dl-suite/fraud-domain';

/** A month of history to warm the feature state, then a day of fresh transactions to send. */
export function benchWorkload(): { history: SimulatedTransaction[]; fresh: SimulatedTransaction[] } {
  const all = [...simulateTransactions({ customers: 2000, merchants: 4000, days: 31, startDate: '2024-03-01', seed: 99 })];
  const lastDay = Date.parse('2024-03-31T00:00:00Z');
  return { history: all.filter((t) => t.timestamp < lastDay), fresh: all.filter((t) => t.timestamp >= lastDay) };
}

let counter = 0;
/** Fresh transactions with ids never used before, so no request hits the idempotency cache. */
export function requestBody(fresh: readonly SimulatedTransaction[], size: number): string {
  const transactions = Array.from({ length: size }, () => {
    const t = fresh[counter % fresh.length]!;
    counter++;
    return {
      transactionId: `bench-${counter}`,
      timestamp: new Date(t.timestamp).toISOString(),
      cardId: t.cardId,
      merchantId: t.merchantId,
      amount: t.amount,
    };
  });
  return JSON.stringify(size === 1 ? transactions[0] : { transactions });
}
