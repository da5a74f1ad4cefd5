import { HttpError, createBatcher, overloaded, type Batcher } from '@dl-suite/service-kit';
import { FEATURE_COUNT } from '../features/feature-spec';
import { computeFeatures } from '../features/compute';
import type { FeatureState } from '../features/state';
import type { Transaction } from '../transactions';
import type { FraudScorer, Scored } from '../scoring/fraud-scorer';

export interface OnlineScoringOptions {
  maxBatchSize: number;
  maxDelayMs: number;
  maxQueue: number;
  timeoutMs: number;
  concurrency: number;
  /** Scored ids whose results are kept for idempotent retries. */
  resultCacheSize: number;
}

export interface ScoredTransaction extends Scored {
  transactionId: string;
  duplicate: boolean;
}

interface Remembered {
  /** Kept until the result exists, so a retry after a timeout re-runs inference without touching the state. */
  features?: Float32Array;
  result?: Scored;
}

/**
 * Live scoring: a request's transactions update the feature state in one synchronous
 * step (so a request sees its own earlier transactions and no other request's half),
 * then share model calls with concurrent requests through the batcher.
 */
export class OnlineScoring {
  /** Handed to the service kit, which reports on it and drains it at shutdown. */
  readonly batcher: Batcher<Float32Array, Scored>;
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    private readonly scorer: FraudScorer,
    readonly state: FeatureState,
    private readonly options: OnlineScoringOptions,
  ) {
    this.batcher = createBatcher({
      maxBatchSize: options.maxBatchSize,
      maxDelayMs: options.maxDelayMs,
      maxQueue: options.maxQueue,
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      run: (rows) => {
        const features = new Float32Array(rows.length * FEATURE_COUNT);
        rows.forEach((row, i) => features.set(row, i * FEATURE_COUNT));
        return this.scorer.explain(features);
      },
    });
  }

  /** Scores a validated, duplicate-free list of transactions. */
  async score(transactions: readonly Transaction[]): Promise<ScoredTransaction[]> {
    const fresh = transactions.filter((tx) => !this.state.has(tx.transactionId));
    // Refuse before the state changes: an overloaded request must leave no trace.
    if (this.batcher.queueDepth + fresh.length > this.options.maxQueue) {
      throw overloaded('The scoring queue is full; retry shortly', 1);
    }
    for (const tx of fresh) {
      const features = new Float32Array(FEATURE_COUNT);
      computeFeatures(tx, this.state, features);
      this.state.record(tx);
      this.remember(tx.transactionId, { features });
    }

    const pending = transactions.map((tx) => ({ tx, entry: this.remembered.get(tx.transactionId) }));
    const missing = pending.filter((p) => p.entry === undefined);
    if (missing.length > 0) {
      throw new HttpError(
        409,
        'result_expired',
        `transaction ${missing[0]!.tx.transactionId} was scored earlier, but its result is no longer kept; use a new transactionId`,
      );
    }
    const toRun = pending.filter((p) => p.entry!.result === undefined);
    const outputs = await this.batcher.submitMany(toRun.map((p) => p.entry!.features!));
    toRun.forEach((p, i) => {
      p.entry!.result = outputs[i]!;
      delete p.entry!.features;
    });
    const freshIds = new Set(fresh.map((tx) => tx.transactionId));
    return pending.map(({ tx, entry }) => ({
      transactionId: tx.transactionId,
      ...entry!.result!,
      duplicate: !freshIds.has(tx.transactionId),
    }));
  }

  recordLabels(labels: readonly { transactionId: string; isFraud: boolean }[]): { recorded: number; unknown: string[] } {
    const unknown: string[] = [];
    for (const label of labels) if (!this.state.recordLabel(label.transactionId, label.isFraud)) unknown.push(label.transactionId);
    return { recorded: labels.length - unknown.length, unknown };
  }

  private remember(id: string, entry: Remembered): void {
    this.remembered.set(id, entry);
    // Map iteration is insertion order, so the first key is the oldest.
    if (this.remembered.size > this.options.resultCacheSize) this.remembered.delete(this.remembered.keys().next().value!);
  }
}
