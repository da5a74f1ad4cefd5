import { CARD_WINDOWS_DAYS, FEATURE_COUNT, MERCHANT_WINDOWS_DAYS } from './feature-spec';
import type { FeatureState, FeatureTransaction, StateWindows } from './state';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Stands in for "never seen before" in the time-since-previous feature. */
const NO_PREVIOUS_HOURS = 24 * Math.max(...CARD_WINDOWS_DAYS);
const ZSCORE_LIMIT = 20;
const NO_KNOWN_FRAUD_DAYS = Math.max(...MERCHANT_WINDOWS_DAYS);
/** A leaked card is abused for about two weeks: its outliers within that span add up. */
const OUTLIER_WINDOW_MS = 14 * DAY_MS;
/** An amount this many times the card's median is an outlier (a legitimate one is ~3 std out). */
const OUTLIER_RATIO = 2.5;

/** Median of a small, unsorted sample (0 when empty); copies, so the input keeps its order. */
function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function stateWindows(labelDelayDays: number): StateWindows {
  return {
    cardWindowsMs: CARD_WINDOWS_DAYS.map((d) => d * DAY_MS),
    merchantWindowsMs: MERCHANT_WINDOWS_DAYS.map((d) => d * DAY_MS),
    labelDelayMs: labelDelayDays * DAY_MS,
    agedAfterMs: OUTLIER_WINDOW_MS,
  };
}

/**
 * Writes the feature vector of `tx` into `out` at `offset`, reading only what `state`
 * knew before the transaction. The same function serves training and the live service,
 * so the two cannot drift apart.
 */
export function computeFeatures(tx: FeatureTransaction, state: FeatureState, out: Float32Array, offset = 0): void {
  const card = state.card(tx.cardId, tx.timestamp, tx.merchantId);
  const merchant = state.merchant(tx.merchantId, tx.timestamp);
  const logAmount = Math.log1p(tx.amount);
  const date = new Date(tx.timestamp);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const weekday = date.getUTCDay();

  const month = card.windowCounts.length - 1;
  const monthMean = card.windowCounts[month]! > 0 ? card.windowSums[month]! / card.windowCounts[month]! : 0;
  const { count, mean, std } = card.allTime;
  const zscore = count > 1 ? (tx.amount - mean) / Math.max(std, 1) : 0;
  // A leaked card's large fraudulent amounts inflate its mean and std, hiding the next ones; the
  // median holds as long as fewer than half of the card's recent purchases are fraudulent.
  const cardMedian = median(card.recentAmounts);
  let outliers = 0;
  card.recentAmounts.forEach((amount, k) => {
    if (card.recentAgesMs[k]! < OUTLIER_WINDOW_MS && amount > OUTLIER_RATIO * cardMedian) outliers++;
  });
  const hoursSincePrevious =
    card.previousTimestamp === null ? NO_PREVIOUS_HOURS : (tx.timestamp - card.previousTimestamp) / HOUR_MS;

  let i = offset;
  out[i++] = tx.amount;
  out[i++] = logAmount;
  out[i++] = card.windowCounts[month]! > 0 ? logAmount - Math.log1p(monthMean) : 0;
  out[i++] = Math.max(-ZSCORE_LIMIT, Math.min(ZSCORE_LIMIT, zscore));
  out[i++] = card.recentAmounts.length > 0 ? logAmount - Math.log1p(cardMedian) : 0;
  // A card is abused for about two weeks after a leak, so its amounts from before then are clean, and
  // its whole history estimates its usual amount far better than 30 days do for a card used rarely.
  // Without such history it is 0, no evidence: standing in with the 30-day median of a card's first
  // few purchases made the model read ordinary amounts of new cards as ×5 leaks (score 1.0 on a
  // 27 EUR purchase in the console's cold-started stream).
  out[i++] = card.agedAmounts.count > 0 ? logAmount - Math.log1p(card.agedAmounts.mean) : 0;
  out[i++] = Math.sin((2 * Math.PI * hour) / 24);
  out[i++] = Math.cos((2 * Math.PI * hour) / 24);
  out[i++] = hour < 6 ? 1 : 0;
  out[i++] = weekday === 0 || weekday === 6 ? 1 : 0;
  for (const c of card.windowCounts) out[i++] = c;
  card.windowCounts.forEach((c, w) => (out[i++] = c > 0 ? card.windowSums[w]! / c : 0));
  out[i++] = outliers;
  out[i++] = Math.log1p(Math.min(hoursSincePrevious, NO_PREVIOUS_HOURS));
  out[i++] = card.previousTimestamp === null ? 1 : 0;
  out[i++] = card.usedMerchantRecently ? 0 : 1;
  for (const c of merchant.windowCounts) out[i++] = c;
  merchant.windowCounts.forEach((c, w) => (out[i++] = c > 0 ? merchant.windowFrauds[w]! / c : 0));
  out[i++] = merchant.recentKnown > 0 ? merchant.recentKnownFrauds / merchant.recentKnown : 0;
  // A compromise still going on shows as a known fraud right at the edge of the label delay.
  out[i++] = merchant.knownFraudAgeMs === null ? NO_KNOWN_FRAUD_DAYS : merchant.knownFraudAgeMs / DAY_MS;
  // Compromises last for a while and then end: how long the merchant has shown fraud tells the
  // two apart, where the latest known fraud alone looks the same on the last day and a week after.
  out[i++] = merchant.firstKnownFraudAgeMs === null ? NO_KNOWN_FRAUD_DAYS : merchant.firstKnownFraudAgeMs / DAY_MS;
  if (i - offset !== FEATURE_COUNT) throw new Error(`feature vector has ${i - offset} values, spec says ${FEATURE_COUNT}`);
}

/** Features of one transaction, then the transaction joins the state: the online scoring step. */
export function observe(tx: FeatureTransaction, state: FeatureState): Float32Array {
  const features = new Float32Array(FEATURE_COUNT);
  computeFeatures(tx, state, features);
  state.record(tx);
  return features;
}
