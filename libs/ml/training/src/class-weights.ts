/**
 * "Balanced" class weights, n / (k · count_c), as in sklearn: every class contributes the same
 * total weight to the loss. Keys are the class indices, so the result is a valid tfjs `classWeight`.
 */
export function classWeights(labels: ArrayLike<number>): Record<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    // tfjs looks weights up by class index, so anything but a non-negative integer could never match.
    if (!Number.isInteger(label) || label < 0) {
      throw new RangeError(`label at row ${i} must be a non-negative integer class index, got ${label}`);
    }
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (counts.size === 0) throw new RangeError('classWeights needs at least one label');
  const weights: Record<number, number> = {};
  for (const [label, count] of [...counts].sort(([a], [b]) => a - b)) {
    weights[label] = labels.length / (counts.size * count);
  }
  return weights;
}
