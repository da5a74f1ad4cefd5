/** Serialised form, stored beside a model so serving applies the exact training transform. */
export interface StandardizerJson {
  /** Per-column mean. */
  mean: number[];
  /** Per-column divisor: the population standard deviation, or 1 for a constant column. */
  scale: number[];
}

/** Per-column z-scoring of a row-major rows×cols matrix: (x - mean) / std, like sklearn's StandardScaler. */
export class Standardizer {
  private constructor(
    private readonly mean: Float64Array,
    private readonly scale: Float64Array,
  ) {}

  get columns(): number {
    return this.mean.length;
  }

  /** Learns mean and population std per column (ddof 0). */
  static fit(data: ArrayLike<number>, columns: number): Standardizer {
    const rows = checkShape(data, columns);
    if (rows === 0) throw new RangeError('cannot fit a Standardizer on zero rows');
    const mean = new Float64Array(columns);
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as number;
      if (!Number.isFinite(value)) {
        throw new RangeError(`non-finite value ${value} at row ${Math.floor(i / columns)}, column ${i % columns}`);
      }
      mean[i % columns]! += value;
    }
    for (let c = 0; c < columns; c++) mean[c]! /= rows;
    // Two passes (mean first, then squared deviations) avoid the cancellation of E[x²] - E[x]².
    const variance = new Float64Array(columns);
    for (let i = 0; i < data.length; i++) {
      const c = i % columns;
      const deviation = (data[i] as number) - (mean[c] as number);
      variance[c]! += deviation * deviation;
    }
    const scale = variance.map((v, c) => {
      const std = Math.sqrt(v / rows);
      // A constant float32 column can still show a tiny float64 spread from rounding in the mean;
      // dividing by it would blow noise up to unit scale, so such a column is only centred.
      return std <= 1e-7 * Math.max(1, Math.abs(mean[c] as number)) ? 1 : std;
    });
    return new Standardizer(mean, scale);
  }

  static fromJSON(json: unknown): Standardizer {
    const { mean, scale } = (json ?? {}) as Partial<Record<keyof StandardizerJson, unknown>>;
    if (!isFiniteNumberArray(mean) || !isFiniteNumberArray(scale) || mean.length !== scale.length || mean.length === 0) {
      throw new TypeError('Standardizer JSON needs equally long, non-empty "mean" and "scale" arrays of finite numbers');
    }
    if (scale.some((s) => s <= 0)) throw new RangeError('Standardizer JSON "scale" values must be positive');
    return new Standardizer(Float64Array.from(mean), Float64Array.from(scale));
  }

  /** Returns a new Float32Array; the input is left untouched. */
  transform(data: ArrayLike<number>): Float32Array {
    const columns = this.columns;
    checkShape(data, columns);
    const out = new Float32Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const c = i % columns;
      out[i] = ((data[i] as number) - (this.mean[c] as number)) / (this.scale[c] as number);
    }
    return out;
  }

  toJSON(): StandardizerJson {
    return { mean: Array.from(this.mean), scale: Array.from(this.scale) };
  }
}

function checkShape(data: ArrayLike<number>, columns: number): number {
  if (!Number.isInteger(columns) || columns <= 0) throw new RangeError(`columns must be a positive integer, got ${columns}`);
  if (data.length % columns !== 0) {
    throw new RangeError(`data length ${data.length} is not a multiple of ${columns} columns`);
  }
  return data.length / columns;
}

function isFiniteNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}
