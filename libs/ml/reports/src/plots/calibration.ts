import type { CalibrationBin } from '@dl-suite/ml-metrics';
import { formatNumber } from '../format';
import { renderSvg } from '../render';
import { PLOT_SIZE, unitSquareEncoding } from './curve-data';

const PERFECT = [
  { x: 0, y: 0, order: 0 },
  { x: 1, y: 1, order: 1 },
];

/**
 * Reliability diagram: mean predicted probability against observed positive rate per bin, with the
 * diagonal of perfect calibration. Point size shows how many samples back each bin.
 */
export function calibrationPlot(curve: readonly CalibrationBin[], options: { ece?: number } = {}): Promise<string> {
  const title =
    options.ece === undefined ? 'Reliability diagram' : `Reliability diagram (ECE = ${formatNumber(options.ece, 3)})`;
  const bins = curve.map((bin, order) => ({ x: bin.meanScore, y: bin.fractionPositive, count: bin.count, order }));
  return renderSvg({
    title,
    width: PLOT_SIZE,
    height: PLOT_SIZE,
    encoding: unitSquareEncoding('Mean predicted probability', 'Fraction of positives'),
    layer: [
      { data: { values: PERFECT }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] } },
      { data: { values: bins }, mark: { type: 'line', color: '#1f77b4' } },
      {
        data: { values: bins },
        mark: { type: 'point', filled: true, color: '#1f77b4' },
        encoding: { size: { field: 'count', type: 'quantitative', title: 'Samples' } },
      },
    ],
  });
}
