import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES, featureGroups } from './feature-spec';
import { computeFeatures, observe, stateWindows } from './compute';
import { InMemoryFeatureState } from './in-memory-state';
import { buildFeatureMatrix } from './offline';
import type { FeatureTransaction } from './state';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1); // a Monday

function tx(id: string, day: number, amount: number, cardId = 'c1', merchantId = 'm1'): FeatureTransaction {
  return { transactionId: id, timestamp: T0 + day * DAY, cardId, merchantId, amount };
}

function featuresOf(t: FeatureTransaction, state: InMemoryFeatureState): Record<string, number> {
  const out = new Float32Array(FEATURE_COUNT);
  computeFeatures(t, state, out);
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, out[i]!]));
}

describe('card features', () => {
  it('counts and averages earlier transactions in 1/7/30-day windows', () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    for (const t of [tx('a', 0, 10), tx('b', 5, 20), tx('c', 9.5, 30), tx('d', 9.9, 50)]) observe(t, state);
    const f = featuresOf(tx('e', 10, 300), state);
    expect(f.card_tx_count_1d).toBe(2); // 9.5 and 9.9
    expect(f.card_tx_count_7d).toBe(3); // 5, 9.5, 9.9
    expect(f.card_tx_count_30d).toBe(4);
    expect(f.card_mean_amount_1d).toBeCloseTo(40);
    expect(f.card_mean_amount_30d).toBeCloseTo(27.5);
    expect(f.log_hours_since_previous).toBeCloseTo(Math.log1p(0.1 * 24), 4);
    expect(f.is_first_card_transaction).toBe(0);
    expect(f.log_amount_over_card_mean_30d).toBeCloseTo(Math.log1p(300) - Math.log1p(27.5), 4);
    // all-time mean 27.5, sample std of [10,20,30,50] = 17.078
    expect(f.amount_zscore_card_all_time).toBeCloseTo((300 - 27.5) / 17.0783, 2);
  });

  it("compares with the card's median and counts its recent outliers, which a leaked card's large amounts cannot hide", () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    // Usual spending around 20; ×5 purchases on days 16 and 19, and one on day 0, too old to count at day 20.
    const amounts: [number, number][] = [[0, 100], [2, 18], [4, 22], [6, 20], [8, 19], [16, 100], [18, 21], [19, 95]];
    amounts.forEach(([day, amount], k) => observe(tx(`t${k}`, day, amount), state));
    const f = featuresOf(tx('now', 20, 100), state);
    // median of [100, 18, 22, 20, 19, 100, 21, 95] = (21 + 22) / 2
    expect(f.log_amount_over_card_median_30d).toBeCloseTo(Math.log1p(100) - Math.log1p(21.5), 4);
    expect(f.card_outlier_count_14d).toBe(2); // days 16 and 19; day 0 is older than 14 days
    expect(f.log_amount_over_card_median_30d).toBeGreaterThan(f.log_amount_over_card_mean_30d!);
  });

  it("compares with the card's mean from before the last 14 days, over its whole history", () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    // Days 0 and 10 leave every card window (and the series) by day 45; day 45 is a recent ×5 purchase.
    const amounts: [number, number][] = [[0, 40], [10, 20], [35, 30], [45, 500]];
    amounts.forEach(([day, amount], k) => observe(tx(`t${k}`, day, amount), state));
    const f = featuresOf(tx('now', 50, 100), state);
    expect(f.log_amount_over_card_mean_before_14d).toBeCloseTo(Math.log1p(100) - Math.log1p(30), 4); // mean of 40, 20, 30
    expect(state.card('c1', T0 + 50 * DAY, 'm1').agedAmounts).toMatchObject({ count: 3, mean: 30, std: 10 });
    // Without history older than 14 days the feature is neutral, whatever the 30-day median says.
    const fresh = new InMemoryFeatureState(stateWindows(7));
    observe(tx('a', 0, 20, 'c2'), fresh);
    observe(tx('b', 1, 40, 'c2'), fresh);
    const g = featuresOf(tx('c', 2, 90, 'c2'), fresh);
    expect(g.log_amount_over_card_median_30d).toBeGreaterThan(0.5);
    expect(g.log_amount_over_card_mean_before_14d).toBe(0);
  });

  it('treats a new card and a new merchant as such', () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    const first = featuresOf(tx('a', 0, 10), state);
    expect(first.is_first_card_transaction).toBe(1);
    expect(first.card_tx_count_30d).toBe(0);
    expect(first.is_new_merchant_for_card).toBe(1);
    observe(tx('a', 0, 10), state);
    expect(featuresOf(tx('b', 1, 10, 'c1', 'm1'), state).is_new_merchant_for_card).toBe(0);
    expect(featuresOf(tx('b', 1, 10, 'c1', 'm2'), state).is_new_merchant_for_card).toBe(1);
  });

  it('encodes hour of day and weekend in UTC', () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    const saturdayNight = { ...tx('a', 5, 1), timestamp: Date.UTC(2024, 0, 6, 3, 0) };
    const f = featuresOf(saturdayNight, state);
    expect(f.is_weekend).toBe(1);
    expect(f.is_night).toBe(1);
    expect(f.hour_sin).toBeCloseTo(Math.sin((2 * Math.PI * 3) / 24), 5);
  });
});

describe('merchant risk respects the label delay', () => {
  it('only counts labels of transactions older than the delay', () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    observe(tx('old', 0, 10, 'c1', 'm1'), state);
    observe(tx('recent', 6, 10, 'c2', 'm1'), state);
    state.recordLabel('old', true);
    state.recordLabel('recent', true);
    const f = featuresOf(tx('now', 8, 10, 'c3', 'm1'), state);
    // window [8-7-w, 1): only 'old' (day 0) is old enough; 'recent' (day 6) is still inside the delay.
    expect(f.merchant_tx_count_1d_delayed).toBe(1);
    expect(f.merchant_fraud_rate_1d_delayed).toBe(1);
    expect(f.merchant_tx_count_30d_delayed).toBe(1);
    const later = featuresOf(tx('later', 13.5, 10, 'c3', 'm1'), state);
    // [13.5-7-1, 6.5) holds only 'recent'; the 7-day window [-0.5, 6.5) holds both.
    expect(later.merchant_tx_count_1d_delayed).toBe(1);
    expect(later.merchant_tx_count_7d_delayed).toBe(2);
    expect(later.merchant_fraud_rate_7d_delayed).toBe(1);
  });

  it("tells an ongoing compromise from an old one by the merchant's latest known labels", () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    observe(tx('f1', 0, 10, 'a', 'm1'), state);
    observe(tx('ok1', 1, 10, 'b', 'm1'), state);
    observe(tx('f2', 2, 10, 'c', 'm1'), state);
    state.recordLabel('f1', true);
    state.recordLabel('f2', true);
    const f = featuresOf(tx('now', 9.5, 10, 'd', 'm1'), state);
    // Known period ends at 2.5: its latest three labels are f2 (fraud), ok1, f1 (fraud).
    expect(f.merchant_recent_known_fraud_share).toBeCloseTo(2 / 3, 5);
    expect(f.merchant_days_since_known_fraud).toBeCloseTo(0.5, 5);
    // ...and how long it has been going on: the oldest known fraud, f1, is 2.5 days old.
    expect(f.merchant_days_since_first_known_fraud).toBeCloseTo(2.5, 5);
    const unknown = featuresOf(tx('new', 9.5, 10, 'd', 'm-new'), state);
    expect([unknown.merchant_days_since_known_fraud, unknown.merchant_days_since_first_known_fraud]).toEqual([30, 30]);
  });

  it('ignores feedback for unknown transactions', () => {
    const state = new InMemoryFeatureState(stateWindows(7));
    expect(state.recordLabel('nope', true)).toBe(false);
  });
});

describe('offline and online computation agree', () => {
  it('replaying a history offline equals scoring it live with feedback after the delay', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const history: (FeatureTransaction & { fraud: boolean })[] = [];
    for (let i = 0; i < 3000; i++) {
      history.push({
        ...tx(`t${i}`, i * 0.02 + random() * 0.01, Math.round(random() * 30000) / 100, `c${Math.floor(random() * 40)}`),
        merchantId: `m${Math.floor(random() * 15)}`,
        fraud: random() < 0.1,
      });
    }
    history.sort((a, b) => a.timestamp - b.timestamp);
    const delayDays = 7;

    const offline = buildFeatureMatrix(history, new InMemoryFeatureState(stateWindows(delayDays)), {
      include: () => true,
      label: (t) => t.fraud,
    });

    const live = new InMemoryFeatureState(stateWindows(delayDays));
    const pending = [...history];
    const onlineRows: Float32Array[] = [];
    for (const t of history) {
      // Feedback arrives exactly when the delay has passed.
      while (pending.length && pending[0]!.timestamp + delayDays * DAY <= t.timestamp) {
        const labelled = pending.shift()!;
        live.recordLabel(labelled.transactionId, labelled.fraud);
      }
      onlineRows.push(observe(t, live));
    }
    const online = new Float32Array(onlineRows.length * FEATURE_COUNT);
    onlineRows.forEach((r, i) => online.set(r, i * FEATURE_COUNT));
    expect(offline.rows).toBe(history.length);
    expect(Array.from(online)).toEqual(Array.from(offline.x));
    // The merchant windows did see fraud labels, so the comparison is not vacuous.
    const rateColumn = FEATURE_NAMES.indexOf('merchant_fraud_rate_30d_delayed');
    const rates = Array.from({ length: offline.rows }, (_, r) => offline.x[r * FEATURE_COUNT + rateColumn]!);
    expect(Math.max(...rates)).toBeGreaterThan(0);
  });
});

describe('feature groups', () => {
  it('cover every column exactly once', () => {
    const columns = featureGroups().flatMap((g) => g.columns);
    expect(columns.sort((a, b) => a - b)).toEqual([...Array(FEATURE_COUNT).keys()]);
  });
});
