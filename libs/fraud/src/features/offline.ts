import { FEATURE_COUNT } from './feature-spec';
import type { FeatureState, FeatureTransaction } from './state';
import { computeFeatures } from './compute';

export interface OfflineFeatureOptions<T extends FeatureTransaction> {
  /** Rows to emit features for; every transaction still updates the state. */
  include: (tx: T) => boolean;
  /** The label of a transaction, when the file has one. */
  label?: (tx: T) => boolean | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface FeatureMatrix {
  /** Row-major, rows × FEATURE_COUNT. */
  x: Float32Array;
  rows: number;
  /** Index into the input array of each row. */
  source: Int32Array;
}

/**
 * Replays a time-ordered history through the online feature code. Labels are recorded
 * as soon as each transaction is seen: the merchant windows only read labels older than
 * the label delay, so this gives exactly what feedback arriving after the delay would.
 */
export function buildFeatureMatrix<T extends FeatureTransaction>(
  transactions: readonly T[],
  state: FeatureState,
  options: OfflineFeatureOptions<T>,
): FeatureMatrix {
  let rows = 0;
  for (const tx of transactions) if (options.include(tx)) rows++;
  const x = new Float32Array(rows * FEATURE_COUNT);
  const source = new Int32Array(rows);
  let row = 0;
  const progressEvery = Math.max(1, Math.floor(transactions.length / 20));
  transactions.forEach((tx, i) => {
    if (options.include(tx)) {
      computeFeatures(tx, state, x, row * FEATURE_COUNT);
      source[row++] = i;
    }
    state.record(tx);
    const label = options.label?.(tx);
    if (label !== undefined) state.recordLabel(tx.transactionId, label);
    if (options.onProgress && (i + 1) % progressEvery === 0) options.onProgress(i + 1, transactions.length);
  });
  return { x, rows, source };
}
