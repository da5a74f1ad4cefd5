import { describe, expect, it } from 'vitest';
import { PiecewiseLinearEncoder, treeBinEdges } from './piecewise-linear';

describe('treeBinEdges', () => {
  it('finds the threshold a label really has', () => {
    const values = Array.from({ length: 400 }, (_, i) => i);
    const labels = values.map((v) => (v > 300 ? 1 : 0));
    expect(treeBinEdges(values, labels, { maxBins: 2, minRowsPerBin: 10 })).toEqual([300.5]);
  });

  it('stops when no split helps and respects the minimum bin size', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    expect(treeBinEdges(values, values.map(() => 0), { maxBins: 8, minRowsPerBin: 5 })).toEqual([]);
    const rare = values.map((v) => (v >= 97 ? 1 : 0));
    const edges = treeBinEdges(values, rare, { maxBins: 2, minRowsPerBin: 10 });
    expect(edges).toEqual([89.5]); // the best split leaving 10 rows on the right
  });
});

describe('PiecewiseLinearEncoder', () => {
  it('appends 0/1/linear components per bin and round-trips through JSON', () => {
    // Two columns; column 1 gets bins [0, 10) and [10, 20].
    const encoder = PiecewiseLinearEncoder.fromJSON({ columns: [{ column: 1, bounds: [0, 10, 20] }] });
    const encoded = encoder.encode([7, -5, 7, 5, 7, 15, 7, 30], 2);
    expect(encoder.encodedWidth(2)).toBe(4);
    expect(Array.from(encoded)).toEqual([7, -5, 0, 0, 7, 5, 0.5, 0, 7, 15, 1, 0.5, 7, 30, 1, 1]);
    expect(encoder.sourceColumns(2)).toEqual([0, 1, 1, 1]);
    expect(PiecewiseLinearEncoder.fromJSON(encoder.toJSON()).encode([7, 5], 2)).toEqual(encoder.encode([7, 5], 2));
  });

  it('adds a 0/1 step per interior edge when asked, so 9.9 and 10 differ by a whole unit', () => {
    const encoder = PiecewiseLinearEncoder.fromJSON({ columns: [{ column: 0, bounds: [0, 10, 1000] }], steps: true });
    expect(encoder.encodedWidth(1)).toBe(4);
    expect(encoder.sourceColumns(1)).toEqual([0, 0, 0, 0]);
    const [below, at] = [encoder.encode([9.9], 1), encoder.encode([10], 1)];
    expect(Array.from(below)).toEqual([Math.fround(9.9), Math.fround(0.99), 0, 0]);
    expect(Array.from(at)).toEqual([10, 1, 0, 1]);
  });

  it('learns its bins from data', () => {
    const rows = 200;
    const data = Array.from({ length: rows * 2 }, (_, i) => (i % 2 === 0 ? 1 : Math.floor(i / 2)));
    const labels = Array.from({ length: rows }, (_, r) => (r >= 150 ? 1 : 0));
    const encoder = PiecewiseLinearEncoder.fit(data, 2, labels, [1], { maxBins: 4, minRowsPerBin: 10 });
    expect(encoder.toJSON().columns[0]!.bounds).toContain(149.5);
  });

  it('rejects bounds that are not ascending', () => {
    expect(() => PiecewiseLinearEncoder.fromJSON({ columns: [{ column: 0, bounds: [3, 1] }] })).toThrow(/ascending/);
  });
});
