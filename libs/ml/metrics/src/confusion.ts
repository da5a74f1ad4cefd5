import { checkSameNonEmpty, MetricError } from './errors';

/**
 * Counts of (actual, predicted) class pairs: matrix[actual][predicted]. Classes are integers
 * 0..numClasses-1; numClasses defaults to the largest class seen plus one.
 */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  numClasses?: number,
): number[][] {
  checkSameNonEmpty(actual, predicted, 'actual', 'predicted');
  const classes = numClasses ?? Math.max(largestClass(actual, 'actual'), largestClass(predicted, 'predicted')) + 1;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new MetricError(`numClasses must be a positive integer, got ${classes}`);
  }
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const a = checkClass(actual[i]!, classes, `actual[${i}]`);
    const p = checkClass(predicted[i]!, classes, `predicted[${i}]`);
    matrix[a]![p]!++;
  }
  return matrix;
}

function largestClass(values: ArrayLike<number>, name: string): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, checkClass(values[i]!, Infinity, `${name}[${i}]`));
  return max;
}

function checkClass(value: number, classes: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value >= classes) {
    const range = Number.isFinite(classes) ? ` in 0..${classes - 1}` : '';
    throw new MetricError(`${name} is ${value}; classes must be integers${range}`);
  }
  return value;
}
