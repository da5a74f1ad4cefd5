import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InMemoryFeatureState, stateWindows } from '@dl-suite/fraud-domain';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes the in-memory state holds for 100k cards with `perCard` transactions each in their windows. */
export function stateBytesPer100kCards(perCard: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const state = new InMemoryFeatureState(stateWindows(7));
  const start = Date.parse('2024-01-01T00:00:00Z');
  let id = 0;
  for (let i = 0; i < perCard; i++) {
    for (let card = 0; card < 100_000; card++) {
      state.record({
        transactionId: `t${id++}`,
        timestamp: start + i * 86_400_000 + card,
        cardId: `card-${card}`,
        merchantId: `m-${card % 10_000}`,
        amount: 10 + (card % 90),
      });
    }
  }
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  if (state.size().cards !== 100_000) throw new Error('state lost cards');
  return bytes;
}
