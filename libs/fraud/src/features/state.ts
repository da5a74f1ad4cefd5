/**
 * Online feature state: what the feature computation needs to know about a card's and
 * a merchant's past. Kept behind an interface so a shared store (e.g. Redis) can replace
 * the in-memory one without touching the feature code, which is the same offline
 * (training, batch scoring) and online (the service).
 */
export interface FeatureTransaction {
  transactionId: string;
  /** Epoch milliseconds, UTC. */
  timestamp: number;
  cardId: string;
  merchantId: string;
  amount: number;
}

export interface StateWindows {
  /** Card windows, each covering [t - w, t). */
  cardWindowsMs: readonly number[];
  /** Merchant windows, each covering [t - delay - w, t - delay): only labels old enough to be known. */
  merchantWindowsMs: readonly number[];
  labelDelayMs: number;
  /** A card's amounts older than this make up its aged statistics. */
  agedAfterMs: number;
}

export interface CardSummary {
  windowCounts: number[];
  windowSums: number[];
  /** Timestamp of the card's latest transaction before t, or null for a new card. */
  previousTimestamp: number | null;
  /** Running statistics of every amount the card has shown (Welford). */
  allTime: { count: number; mean: number; std: number };
  /** Whether the card used this merchant in its longest window. */
  usedMerchantRecently: boolean;
  /** Amounts of the card's transactions in its longest window, newest first, with their ages at t. */
  recentAmounts: number[];
  recentAgesMs: number[];
  /**
   * Running statistics of every amount the card has shown more than `agedAfterMs` ago, its whole
   * history and not only the windows: a reference a leak of the last days cannot have moved.
   */
  agedAmounts: { count: number; mean: number; std: number };
}

export interface MerchantSummary {
  windowCounts: number[];
  windowFrauds: number[];
  /** Of the merchant's most recent transactions whose labels are old enough to know, how many were fraud (and out of how many). */
  recentKnownFrauds: number;
  recentKnown: number;
  /** Time from the newest known fraud to the end of the known period, or null when there is none in the longest window. */
  knownFraudAgeMs: number | null;
  /** Time from the oldest known fraud in the longest window to the end of the known period, or null when there is none. */
  firstKnownFraudAgeMs: number | null;
}

export interface StateSize {
  cards: number;
  merchants: number;
  trackedTransactions: number;
}

export interface FeatureState {
  readonly windows: StateWindows;
  card(cardId: string, t: number, merchantId: string): CardSummary;
  merchant(merchantId: string, t: number): MerchantSummary;
  /** True when the transaction id has already been recorded (idempotent scoring). */
  has(transactionId: string): boolean;
  record(tx: FeatureTransaction): void;
  /** Records a confirmed label; false when the transaction is unknown or has aged out. */
  recordLabel(transactionId: string, isFraud: boolean): boolean;
  size(): StateSize;
}
