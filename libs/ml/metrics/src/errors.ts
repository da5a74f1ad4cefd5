/** Thrown for inputs no metric can be computed from: mismatched lengths, empty arrays, invalid values. */
export class MetricError extends Error {
  override readonly name = 'MetricError';
}

/**
 * Validates a labels/scores pair for the binary metrics (exported so plot and report code rejects
 * the same inputs with the same messages). Labels must be exactly 0 or 1; scores must
 * not be NaN, because NaN has no place in a ranking and would silently corrupt every sort.
 */
export function checkBinaryInputs(labels: ArrayLike<number>, scores: ArrayLike<number>): void {
  checkSameNonEmpty(labels, scores, 'labels', 'scores');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) {
      throw new MetricError(`labels[${i}] is ${label}; binary labels must be 0 or 1`);
    }
    if (Number.isNaN(scores[i])) throw new MetricError(`scores[${i}] is NaN`);
  }
}

export function checkSameNonEmpty(
  a: ArrayLike<unknown>,
  b: ArrayLike<unknown>,
  aName: string,
  bName: string,
): void {
  if (a.length !== b.length) {
    throw new MetricError(`${aName} has ${a.length} values but ${bName} has ${b.length}`);
  }
  if (a.length === 0) throw new MetricError(`${aName} and ${bName} are empty`);
}
