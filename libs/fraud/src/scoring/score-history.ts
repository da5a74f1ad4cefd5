import { FEATURE_COUNT } from '../features/feature-spec';
import { InMemoryFeatureState } from '../features/in-memory-state';
import { stateWindows } from '../features/compute';
import { buildFeatureMatrix } from '../features/offline';
import { inWindow, type TimeWindow } from '../model/windows';
import type { Transaction } from '../transactions';
import type { FraudScorer } from './fraud-scorer';

const CHUNK_ROWS = 65_536;

export interface WindowScores {
  /** Index into the input transactions of each scored row. */
  source: Int32Array;
  scores: Float32Array;
}

/**
 * Batch scoring as the service would have scored live: features from every earlier
 * transaction in the history, and only labels older than the model's label delay.
 */
export async function scoreWindow(
  scorer: FraudScorer,
  transactions: readonly (Transaction & { isFraud?: boolean })[],
  window: TimeWindow,
): Promise<WindowScores> {
  const state = new InMemoryFeatureState(stateWindows(scorer.labelDelayDays));
  const matrix = buildFeatureMatrix(transactions, state, {
    include: (tx) => inWindow(tx.timestamp, window),
    label: (tx) => tx.isFraud,
  });
  const scores = new Float32Array(matrix.rows);
  for (let start = 0; start < matrix.rows; start += CHUNK_ROWS) {
    const end = Math.min(matrix.rows, start + CHUNK_ROWS);
    scores.set(await scorer.scores(matrix.x.subarray(start * FEATURE_COUNT, end * FEATURE_COUNT)), start);
  }
  return { source: matrix.source, scores };
}
