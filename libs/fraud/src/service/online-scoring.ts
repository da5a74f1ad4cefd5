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

/**
 * Live scoring: a request's transactions update the feature state in one synchronous
 * step (so a request sees its own earlier transactions and no other request's half),
 * then share model calls with concurrent requests through the batcher.
 */
export class OnlineScoring {
  /** Handed to the service kit, which reports on it and drains it at shutdown. */
  readonly batcher: Batcher<Float32Array, Scored>;
  /**
   * Per scored id: its features until the result exists (so a retry after a timeout re-runs
   * inference without touching the state), then the result as JSON. One string per id instead
   * of about ten small objects: a full cache of 200k results made every major GC mark some two
   * million objects (libs/fraud/EXPERIMENTS.md, "Latency").
   */
  private readonly remembered = new Map<string, Float32Array | string>();

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
      this.remember(tx.transactionId, features);
    }

    const entries = transactions.map((tx) => this.remembered.get(tx.transactionId));
    const missing = entries.indexOf(undefined);
    if (missing >= 0) {
      throw new HttpError(
        409,
        'result_expired',
        `transaction ${transactions[missing]!.transactionId} was scored earlier, but its result is no longer kept; use a new transactionId`,
      );
    }
    const toRun = entries.flatMap((entry, i) => (entry instanceof Float32Array ? [{ i, features: entry }] : []));
    const outputs = await this.batcher.submitMany(toRun.map((r) => r.features));
    const results: (Scored | undefined)[] = new Array(transactions.length);
    toRun.forEach(({ i }, k) => {
      const id = transactions[i]!.transactionId;
      results[i] = outputs[k]!;
      // An id evicted while its inference ran stays evicted.
      if (this.remembered.has(id)) this.remembered.set(id, JSON.stringify(outputs[k]));
    });
    const freshIds = new Set(fresh.map((tx) => tx.transactionId));
    return transactions.map((tx, i) => ({
      transactionId: tx.transactionId,
      ...(results[i] ?? (JSON.parse(entries[i] as string) as Scored)),
      duplicate: !freshIds.has(tx.transactionId),
    }));
  }

  recordLabels(labels: readonly { transactionId: string; isFraud: boolean }[]): { recorded: number; unknown: string[] } {
    const unknown: string[] = [];
    for (const label of labels) if (!this.state.recordLabel(label.transactionId, label.isFraud)) unknown.push(label.transactionId);
    return { recorded: labels.length - unknown.length, unknown };
  }

  private remember(id: string, features: Float32Array): void {
    this.remembered.set(id, features);
    // Map iteration is insertion order, so the first key is the oldest.
    if (this.remembered.size > this.options.resultCacheSize) this.remembered.delete(this.remembered.keys().next().value!);
  }
}
