/**
 * Piecewise-linear encoding of numeric columns with bins learned by a one-dimensional
 * decision tree (Gorishniy et al., "On Embeddings for Numerical Features in Tabular Deep
 * Learning", 2022). An MLP fed a raw number can only bend smoothly around a threshold the
 * target really has (a fraud rule "amount above 220", a dose limit); one component per
 * learned bin gives it a kink there, and the optional step components (1 at or above each
 * interior edge) a jump, which a continuous encoding cannot: 220.5 and 219.5 differ by
 * 1/800 in the last bin's linear component of an amount column reaching 1,000.
 */
export interface BinOptions {
  maxBins: number;
  /** Fewest rows a bin may hold, so a bin is not fitted to a handful of examples. */
  minRowsPerBin: number;
}

export interface PiecewiseLinearJson {
  columns: { column: number; bounds: number[] }[];
  /** Also append a 0/1 step component per interior edge. */
  steps?: boolean;
}

/** Interior bin edges for one column: greedy splits that most reduce the label's Gini impurity. */
export function treeBinEdges(values: ArrayLike<number>, labels: ArrayLike<number>, options: BinOptions): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const sortedValues = order.map((i) => values[i]!);
  const prefixPositives = new Float64Array(order.length + 1);
  order.forEach((i, k) => (prefixPositives[k + 1] = prefixPositives[k]! + labels[i]!));
  const segments: { start: number; end: number }[] = [{ start: 0, end: order.length }];
  const edges: number[] = [];
  while (edges.length < options.maxBins - 1) {
    let best: { gain: number; segment: number; at: number } | undefined;
    segments.forEach((segment, s) => {
      const split = bestSplit(sortedValues, prefixPositives, segment.start, segment.end, options.minRowsPerBin);
      if (split && (!best || split.gain > best.gain)) best = { gain: split.gain, segment: s, at: split.at };
    });
    if (!best || best.gain <= 0) break;
    const { start, end } = segments[best.segment]!;
    segments.splice(best.segment, 1, { start, end: best.at }, { start: best.at, end });
    edges.push((sortedValues[best.at - 1]! + sortedValues[best.at]!) / 2);
  }
  return edges.sort((a, b) => a - b);
}

function gini(positives: number, rows: number): number {
  if (rows === 0) return 0;
  const p = positives / rows;
  return rows * 2 * p * (1 - p);
}

function bestSplit(values: number[], prefix: Float64Array, start: number, end: number, minRows: number) {
  const total = gini(prefix[end]! - prefix[start]!, end - start);
  let best: { gain: number; at: number } | undefined;
  for (let at = start + minRows; at <= end - minRows; at++) {
    if (values[at - 1] === values[at]) continue; // no edge between equal values
    const left = gini(prefix[at]! - prefix[start]!, at - start);
    const right = gini(prefix[end]! - prefix[at]!, end - at);
    const gain = total - left - right;
    if (!best || gain > best.gain) best = { gain, at };
  }
  return best;
}

/** Appends, for each encoded column, one component per bin: 0 below it, 1 above it, linear inside. */
export class PiecewiseLinearEncoder {
  private constructor(private readonly spec: PiecewiseLinearJson) {}

  /** Learns bins for `columns` of a row-major rows × width matrix from binary labels. */
  static fit(
    data: ArrayLike<number>,
    width: number,
    labels: ArrayLike<number>,
    columns: number[],
    options: BinOptions & { steps?: boolean },
  ): PiecewiseLinearEncoder {
    const rows = labels.length;
    if (data.length !== rows * width) throw new RangeError(`data has ${data.length} values, expected ${rows} × ${width}`);
    return new PiecewiseLinearEncoder({
      columns: columns.map((column) => {
        const values = Float64Array.from({ length: rows }, (_, r) => data[r * width + column]!);
        let min = Infinity;
        let max = -Infinity;
        for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
        return { column, bounds: [min, ...treeBinEdges(values, labels, options), max] };
      }),
      steps: options.steps ?? false,
    });
  }

  static fromJSON(json: PiecewiseLinearJson): PiecewiseLinearEncoder {
    for (const { column, bounds } of json.columns) {
      if (!Number.isInteger(column) || column < 0 || bounds.length < 2 || bounds.some((b, i) => i > 0 && b < bounds[i - 1]!)) {
        throw new RangeError(`piecewise-linear column ${column}: bounds must be at least two ascending numbers`);
      }
    }
    return new PiecewiseLinearEncoder(json);
  }

  toJSON(): PiecewiseLinearJson {
    return this.spec;
  }

  /** Width of the encoded rows for input rows of `width` columns. */
  encodedWidth(width: number): number {
    return width + this.spec.columns.reduce((n, c) => n + this.componentsOf(c.bounds), 0);
  }

  /** For each appended component, the input column it encodes. */
  sourceColumns(width: number): number[] {
    return [...Array(width).keys(), ...this.spec.columns.flatMap((c) => Array<number>(this.componentsOf(c.bounds)).fill(c.column))];
  }

  private componentsOf(bounds: number[]): number {
    return bounds.length - 1 + (this.spec.steps ? bounds.length - 2 : 0);
  }

  encode(data: ArrayLike<number>, width: number): Float32Array {
    const rows = data.length / width;
    const outWidth = this.encodedWidth(width);
    const out = new Float32Array(rows * outWidth);
    for (let r = 0; r < rows; r++) {
      let o = r * outWidth;
      for (let c = 0; c < width; c++) out[o++] = data[r * width + c]!;
      for (const { column, bounds } of this.spec.columns) {
        const x = data[r * width + column]!;
        for (let b = 1; b < bounds.length; b++) {
          const lower = bounds[b - 1]!;
          const upper = bounds[b]!;
          out[o++] = x >= upper ? 1 : x <= lower ? 0 : (x - lower) / (upper - lower);
        }
        if (this.spec.steps) for (let b = 1; b < bounds.length - 1; b++) out[o++] = x >= bounds[b]! ? 1 : 0;
      }
    }
    return out;
  }
}
