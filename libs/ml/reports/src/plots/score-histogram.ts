import { checkBinaryInputs } from '@dl-suite/ml-metrics';
import { renderSvg } from '../render';

export interface ScoreHistogramOptions {
  bins?: number;
  /** Names of class 0 and class 1. */
  labelNames?: readonly [string, string];
  title?: string;
}

/**
 * Score distribution of each class in its own row. Rows with independent count axes rather than
 * overlaid bars: with 1 % positives (fraud) an overlay shows the positive class as a flat line.
 * Bins are counted here, not by vega, so a million scores become `bins` rows of plot data.
 */
export function scoreHistogramPlot(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: ScoreHistogramOptions = {},
): Promise<string> {
  checkBinaryInputs(labels, scores);
  const { bins = 20, labelNames = ['negative', 'positive'], title = 'Score distribution by class' } = options;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);

  // Probabilities get the familiar [0, 1] axis; other scores (logits) widen it as needed.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < scores.length; i++) {
    lo = Math.min(lo, scores[i]!);
    hi = Math.max(hi, scores[i]!);
  }
  const width = (hi - lo) / bins;
  const counts = [new Array<number>(bins).fill(0), new Array<number>(bins).fill(0)];
  for (let i = 0; i < scores.length; i++) {
    const bin = Math.min(Math.floor((scores[i]! - lo) / width), bins - 1);
    counts[labels[i]!]![bin]!++;
  }
  const values = counts.flatMap((classCounts, label) =>
    classCounts.map((count, b) => ({ class: labelNames[label]!, start: lo + b * width, end: lo + (b + 1) * width, count })),
  );

  return renderSvg({
    title,
    data: { values },
    mark: 'bar',
    width: 320,
    height: 120,
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: 'Score' },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'Count', axis: { format: 'd', tickMinStep: 1 } },
      row: { field: 'class', type: 'nominal', title: 'Actual class', sort: [...labelNames] },
      color: { field: 'class', type: 'nominal', legend: null, sort: [...labelNames] },
    },
    resolve: { scale: { y: 'independent' } },
  });
}
