import type {
  CardSummary,
  FeatureState,
  FeatureTransaction,
  MerchantSummary,
  StateSize,
  StateWindows,
} from './state';

/** How many of a merchant's latest known labels say whether a compromise is still going on. */
const RECENT_KNOWN = 3;

/** Append-mostly time series; `start` skips pruned entries so pruning is O(1) amortised. */
class TimeSeries<T> {
  timestamps: number[] = [];
  values: T[] = [];
  start = 0;

  insert(t: number, value: T): void {
    // Transactions almost always arrive in time order; late ones are placed by binary search.
    let i = this.timestamps.length;
    if (i > this.start && this.timestamps[i - 1]! > t) {
      let lo = this.start;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.timestamps[mid]! <= t) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    if (i === this.timestamps.length) {
      this.timestamps.push(t);
      this.values.push(value);
    } else {
      this.timestamps.splice(i, 0, t);
      this.values.splice(i, 0, value);
    }
  }

  pruneBefore(cutoff: number): void {
    while (this.start < this.timestamps.length && this.timestamps[this.start]! < cutoff) this.start++;
    if (this.start > 32 && this.start * 2 > this.timestamps.length) {
      this.timestamps = this.timestamps.slice(this.start);
      this.values = this.values.slice(this.start);
      this.start = 0;
    }
  }
}

interface CardEntry {
  amount: number;
  merchant: number;
}

interface CardRecord {
  series: TimeSeries<CardEntry>;
  count: number;
  mean: number;
  m2: number;
  /** Latest timestamp ever seen, kept after the series is pruned. */
  last: number;
}

interface MerchantEntry {
  fraud: boolean;
}

interface TrackedTransaction {
  timestamp: number;
  merchant: MerchantEntry;
}

export class InMemoryFeatureState implements FeatureState {
  private readonly cards = new Map<string, CardRecord>();
  private readonly merchants = new Map<string, TimeSeries<MerchantEntry>>();
  private readonly merchantIds = new Map<string, number>();
  private readonly tracked = new Map<string, TrackedTransaction>();
  /** Insertion-ordered ids, to forget tracked transactions once they leave every window. */
  private readonly trackedOrder: { timestamp: number; id: string }[] = [];
  private trackedOrderStart = 0;
  private readonly cardRetentionMs: number;
  private readonly merchantRetentionMs: number;
  private latest = -Infinity;

  constructor(readonly windows: StateWindows) {
    this.cardRetentionMs = Math.max(...windows.cardWindowsMs);
    this.merchantRetentionMs = windows.labelDelayMs + Math.max(...windows.merchantWindowsMs);
  }

  card(cardId: string, t: number, merchantId: string): CardSummary {
    const windows = this.windows.cardWindowsMs;
    const summary: CardSummary = {
      windowCounts: windows.map(() => 0),
      windowSums: windows.map(() => 0),
      previousTimestamp: null,
      allTime: { count: 0, mean: 0, std: 0 },
      usedMerchantRecently: false,
    };
    const record = this.cards.get(cardId);
    if (!record) return summary;
    summary.allTime = {
      count: record.count,
      mean: record.mean,
      std: record.count > 1 ? Math.sqrt(record.m2 / (record.count - 1)) : 0,
    };
    const merchant = this.merchantIds.get(merchantId);
    const longest = t - this.cardRetentionMs;
    const { timestamps, values, start } = record.series;
    for (let i = timestamps.length - 1; i >= start; i--) {
      const ts = timestamps[i]!;
      if (ts >= t) continue;
      if (ts < longest) break;
      summary.previousTimestamp ??= ts;
      const entry = values[i]!;
      if (entry.merchant === merchant) summary.usedMerchantRecently = true;
      for (let w = 0; w < windows.length; w++) {
        if (ts >= t - windows[w]!) {
          summary.windowCounts[w]!++;
          summary.windowSums[w]! += entry.amount;
        }
      }
    }
    // A previous transaction older than every window has been pruned; `last` still knows it.
    if (summary.previousTimestamp === null && record.last < t) summary.previousTimestamp = record.last;
    return summary;
  }

  merchant(merchantId: string, t: number): MerchantSummary {
    const windows = this.windows.merchantWindowsMs;
    const summary: MerchantSummary = {
      windowCounts: windows.map(() => 0),
      windowFrauds: windows.map(() => 0),
      recentKnownFrauds: 0,
      recentKnown: 0,
      knownFraudAgeMs: null,
    };
    const series = this.merchants.get(merchantId);
    if (!series) return summary;
    const end = t - this.windows.labelDelayMs;
    const longest = end - Math.max(...windows);
    for (let i = series.timestamps.length - 1; i >= series.start; i--) {
      const ts = series.timestamps[i]!;
      if (ts >= end) continue;
      if (ts < longest) break;
      const fraud = series.values[i]!.fraud;
      if (summary.recentKnown < RECENT_KNOWN) {
        summary.recentKnown++;
        if (fraud) summary.recentKnownFrauds++;
      }
      if (fraud) summary.knownFraudAgeMs ??= end - ts;
      for (let w = 0; w < windows.length; w++) {
        if (ts >= end - windows[w]!) {
          summary.windowCounts[w]!++;
          if (fraud) summary.windowFrauds[w]!++;
        }
      }
    }
    return summary;
  }

  has(transactionId: string): boolean {
    return this.tracked.has(transactionId);
  }

  record(tx: FeatureTransaction): void {
    this.latest = Math.max(this.latest, tx.timestamp);
    const merchant = this.internMerchant(tx.merchantId);

    let card = this.cards.get(tx.cardId);
    if (!card) {
      card = { series: new TimeSeries(), count: 0, mean: 0, m2: 0, last: -Infinity };
      this.cards.set(tx.cardId, card);
    }
    card.series.insert(tx.timestamp, { amount: tx.amount, merchant });
    card.series.pruneBefore(this.latest - this.cardRetentionMs);
    card.last = Math.max(card.last, tx.timestamp);
    card.count++;
    const delta = tx.amount - card.mean;
    card.mean += delta / card.count;
    card.m2 += delta * (tx.amount - card.mean);

    let series = this.merchants.get(tx.merchantId);
    if (!series) {
      series = new TimeSeries();
      this.merchants.set(tx.merchantId, series);
    }
    const entry: MerchantEntry = { fraud: false };
    series.insert(tx.timestamp, entry);
    series.pruneBefore(this.latest - this.merchantRetentionMs);

    this.tracked.set(tx.transactionId, { timestamp: tx.timestamp, merchant: entry });
    this.trackedOrder.push({ timestamp: tx.timestamp, id: tx.transactionId });
    this.forgetOldTransactions();
  }

  recordLabel(transactionId: string, isFraud: boolean): boolean {
    const tracked = this.tracked.get(transactionId);
    if (!tracked) return false;
    tracked.merchant.fraud = isFraud;
    return true;
  }

  size(): StateSize {
    return { cards: this.cards.size, merchants: this.merchants.size, trackedTransactions: this.tracked.size };
  }

  private internMerchant(merchantId: string): number {
    let id = this.merchantIds.get(merchantId);
    if (id === undefined) {
      id = this.merchantIds.size;
      this.merchantIds.set(merchantId, id);
    }
    return id;
  }

  private forgetOldTransactions(): void {
    const cutoff = this.latest - this.merchantRetentionMs;
    while (this.trackedOrderStart < this.trackedOrder.length) {
      const oldest = this.trackedOrder[this.trackedOrderStart]!;
      if (oldest.timestamp >= cutoff) break;
      this.tracked.delete(oldest.id);
      this.trackedOrderStart++;
    }
    if (this.trackedOrderStart > 1024 && this.trackedOrderStart * 2 > this.trackedOrder.length) {
      this.trackedOrder.splice(0, this.trackedOrderStart);
      this.trackedOrderStart = 0;
    }
  }
}
