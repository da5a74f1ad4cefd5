/**
 * a / b, but 0 when b is 0. This is the convention for threshold metrics (precision with nothing
 * predicted positive, recall with no positives, …): scikit-learn's zero_division=0. It keeps
 * reports numeric, whereas ranking metrics (AUC, AP) return NaN because they are truly undefined.
 */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function f1Score(precision: number, recall: number): number {
  return ratio(2 * precision * recall, precision + recall);
}
