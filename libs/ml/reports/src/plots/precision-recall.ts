import type { PrecisionRecallCurve } from '@dl-suite/ml-metrics';
import { formatNumber } from '../format';
import { renderSvg } from '../render';
import { curveData, PLOT_SIZE, unitSquareEncoding } from './curve-data';

/**
 * Precision-recall curve drawn as steps (AP is a step-wise sum, so straight segments between
 * points would suggest operating points that do not exist); the AP goes in the title when given.
 */
export function precisionRecallPlot(
  curve: Pick<PrecisionRecallCurve, 'precision' | 'recall'>,
  options: { ap?: number } = {},
): Promise<string> {
  const title =
    options.ap === undefined ? 'Precision-recall curve' : `Precision-recall curve (AP = ${formatNumber(options.ap, 3)})`;
  return renderSvg({
    title,
    width: PLOT_SIZE,
    height: PLOT_SIZE,
    data: { values: curveData(curve.recall, curve.precision) },
    mark: { type: 'line', interpolate: 'step-before', color: '#1f77b4' },
    encoding: unitSquareEncoding('Recall', 'Precision'),
  });
}
