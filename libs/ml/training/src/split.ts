import { createRng } from './rng';

export interface TestFractionSplit {
  testFraction: number;
  seed: number;
}

export interface FractionsSplit {
  /** One fraction per part, summing to 1, e.g. [0.7, 0.15, 0.15] for train/validation/test. */
  fractions: readonly number[];
  seed: number;
}

/**
 * Splits row indices so every part keeps the class ratios of `labels` (one integer class per row).
 * Each part's indices are sorted ascending; shuffling is the training loop's job.
 */
export function stratifiedSplit(labels: ArrayLike<number>, options: TestFractionSplit): { train: number[]; test: number[] };
export function stratifiedSplit(labels: ArrayLike<number>, options: FractionsSplit): number[][];
export function stratifiedSplit(
  labels: ArrayLike<number>,
  options: TestFractionSplit | FractionsSplit,
): { train: number[]; test: number[] } | number[][] {
  if ('testFraction' in options) {
    const { testFraction, seed } = options;
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new RangeError(`testFraction must be in (0, 1), got ${testFraction}`);
    }
    const [train = [], test = []] = splitByFractions(labels, [1 - testFraction, testFraction], seed);
    return { train, test };
  }
  return splitByFractions(labels, options.fractions, options.seed);
}

function splitByFractions(labels: ArrayLike<number>, fractions: readonly number[], seed: number): number[][] {
  checkFractions(fractions);
  const rng = createRng(seed);
  const parts: number[][] = fractions.map(() => []);
  const apportion = createApportioner(fractions);
  for (const indices of groupByClass(labels).values()) {
    rng.shuffle(indices);
    const counts = apportion(indices.length);
    let start = 0;
    counts.forEach((count, p) => {
      const part = parts[p] as number[];
      // A loop, not push(...slice): a 280k-row majority class would overflow the argument limit.
      for (let i = start; i < start + count; i++) part.push(indices[i] as number);
      start += count;
    });
  }
  return parts.map((part) => part.sort((a, b) => a - b));
}

function checkFractions(fractions: readonly number[]): void {
  if (fractions.length < 2) throw new RangeError('fractions needs at least two parts');
  if (fractions.some((f) => !(f >= 0))) throw new RangeError(`fractions must be non-negative, got [${fractions.join(', ')}]`);
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`fractions must sum to 1, got ${sum}`);
}

function groupByClass(labels: ArrayLike<number>): Map<number, number[]> {
  // Insertion order follows first appearance, so the split does not depend on Map internals.
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    if (!Number.isFinite(label)) throw new RangeError(`label at row ${i} is not a finite number: ${label}`);
    const bucket = byClass.get(label);
    if (bucket) bucket.push(i);
    else byClass.set(label, [i]);
  }
  return byClass;
}

/**
 * Per class, floor(fraction × count) rows go to each part; the few rows left over go to the parts
 * furthest behind their share of all rows seen so far. Per-class and overall counts then both
 * stay within one row of exact, where plain per-class rounding would hand every tie to part 0.
 */
function createApportioner(fractions: readonly number[]): (n: number) => number[] {
  const assigned = fractions.map(() => 0);
  let seen = 0;
  return (n) => {
    seen += n;
    const counts = fractions.map((f) => Math.floor(f * n));
    const behind = (p: number): number => (fractions[p] as number) * seen - (assigned[p] as number) - (counts[p] as number);
    const leftover = n - counts.reduce((a, b) => a + b, 0);
    const neediest = fractions.map((_, p) => p).sort((a, b) => behind(b) - behind(a) || a - b);
    for (const p of neediest.slice(0, leftover)) counts[p] = (counts[p] as number) + 1;
    counts.forEach((count, p) => (assigned[p] = (assigned[p] as number) + count));
    return counts;
  };
}
