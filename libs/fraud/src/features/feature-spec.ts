/**
 * The model's input features, in column order. Groups are what a human reads in a
 * decision's reasons: features that only make sense together (sin/cos of the hour,
 * the three windows of one statistic) are occluded together.
 */
export const CARD_WINDOWS_DAYS = [1, 7, 30] as const;
export const MERCHANT_WINDOWS_DAYS = [1, 7, 30] as const;

export interface FeatureDefinition {
  name: string;
  group: FeatureGroup;
}

export const FEATURE_GROUPS = [
  'amount',
  'amount_vs_card_history',
  'time_of_day',
  'weekend',
  'card_velocity',
  'card_spend',
  'card_recent_outliers',
  'time_since_previous',
  'new_merchant_for_card',
  'merchant_volume',
  'merchant_fraud_rate',
  'merchant_recent_fraud',
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export const GROUP_DESCRIPTIONS: Record<FeatureGroup, string> = {
  amount: 'transaction amount',
  amount_vs_card_history: "amount compared with the card's usual spending",
  time_of_day: 'time of day',
  weekend: 'weekend transaction',
  card_velocity: "number of the card's recent transactions",
  card_spend: "the card's recent average amount",
  card_recent_outliers: "the card's recent amounts far above its usual (median) amount",
  time_since_previous: "time since the card's previous transaction",
  new_merchant_for_card: 'merchant not used by this card in the last 30 days',
  merchant_volume: "merchant's transaction volume (label-delayed windows)",
  merchant_fraud_rate: "merchant's confirmed fraud rate (label-delayed windows)",
  merchant_recent_fraud: "merchant's latest known transactions were confirmed fraud",
};

export const FEATURES: readonly FeatureDefinition[] = [
  { name: 'amount', group: 'amount' },
  { name: 'log_amount', group: 'amount' },
  { name: 'log_amount_over_card_mean_30d', group: 'amount_vs_card_history' },
  { name: 'amount_zscore_card_all_time', group: 'amount_vs_card_history' },
  { name: 'log_amount_over_card_median_30d', group: 'amount_vs_card_history' },
  { name: 'log_amount_over_card_mean_before_14d', group: 'amount_vs_card_history' },
  { name: 'hour_sin', group: 'time_of_day' },
  { name: 'hour_cos', group: 'time_of_day' },
  { name: 'is_night', group: 'time_of_day' },
  { name: 'is_weekend', group: 'weekend' },
  ...CARD_WINDOWS_DAYS.map((d) => ({ name: `card_tx_count_${d}d`, group: 'card_velocity' as const })),
  ...CARD_WINDOWS_DAYS.map((d) => ({ name: `card_mean_amount_${d}d`, group: 'card_spend' as const })),
  { name: 'card_outlier_count_14d', group: 'card_recent_outliers' },
  { name: 'log_hours_since_previous', group: 'time_since_previous' },
  { name: 'is_first_card_transaction', group: 'time_since_previous' },
  { name: 'is_new_merchant_for_card', group: 'new_merchant_for_card' },
  ...MERCHANT_WINDOWS_DAYS.map((d) => ({ name: `merchant_tx_count_${d}d_delayed`, group: 'merchant_volume' as const })),
  ...MERCHANT_WINDOWS_DAYS.map((d) => ({
    name: `merchant_fraud_rate_${d}d_delayed`,
    group: 'merchant_fraud_rate' as const,
  })),
  { name: 'merchant_recent_known_fraud_share', group: 'merchant_recent_fraud' },
  { name: 'merchant_days_since_known_fraud', group: 'merchant_recent_fraud' },
  { name: 'merchant_days_since_first_known_fraud', group: 'merchant_recent_fraud' },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);
export const FEATURE_COUNT = FEATURES.length;

/** Column indices of each group, in first-appearance order. */
export function featureGroups(): { group: FeatureGroup; columns: number[] }[] {
  const byGroup = new Map<FeatureGroup, number[]>();
  FEATURES.forEach((f, i) => {
    const columns = byGroup.get(f.group) ?? [];
    columns.push(i);
    byGroup.set(f.group, columns);
  });
  return [...byGroup].map(([group, columns]) => ({ group, columns }));
}
