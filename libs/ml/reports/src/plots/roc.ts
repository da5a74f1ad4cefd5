import type { RocCurve } from '@dl-suite/ml-metrics';
import { formatNumber } from '../format';
import { renderSvg } from '../render';
import { curveData, PLOT_SIZE, unitSquareEncoding } from './curve-data';

const CHANCE = [
  { x: 0, y: 0, order: 0 },
  { x: 1, y: 1, order: 1 },
];

/** ROC curve with the chance diagonal; the AUC goes in the title when given. */
export function rocPlot(curve: Pick<RocCurve, 'fpr' | 'tpr'>, options: { auc?: number } = {}): Promise<string> {
  const title = options.auc === undefined ? 'ROC curve' : `ROC curve (AUC = ${formatNumber(options.auc, 3)})`;
  return renderSvg({
    title,
    width: PLOT_SIZE,
    height: PLOT_SIZE,
    encoding: unitSquareEncoding('False positive rate', 'True positive rate'),
    layer: [
      { data: { values: CHANCE }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] } },
      { data: { values: curveData(curve.fpr, curve.tpr) }, mark: { type: 'line', color: '#1f77b4' } },
    ],
  });
}
