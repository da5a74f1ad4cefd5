import { calibrationCurve, MetricError, precisionRecallCurve, rocCurve } from '@dl-suite/ml-metrics';
import { describe, expect, it } from 'vitest';
import { calibrationPlot } from './calibration';
import { confusionMatrixPlot } from './confusion-matrix';
import { linePlot } from './line';
import { precisionRecallPlot } from './precision-recall';
import { rocPlot } from './roc';
import { scoreHistogramPlot } from './score-histogram';

const labels = [0, 0, 1, 1, 0, 1, 0, 1];
const scores = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.7, 0.6];

function expectSvg(svg: string, ...texts: string[]): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  for (const text of texts) expect(svg).toContain(text);
}

/** Texts of all <text> elements whose content looks like a number. */
function numericTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).filter((t) => /^[\d,.]+$/.test(t));
}

describe('plots', () => {
  it('draws a ROC curve with its AUC and axis titles', async () => {
    const svg = await rocPlot(rocCurve(labels, scores), { auc: 0.8125 });
    expectSvg(svg, 'ROC curve (AUC = 0.813)', 'False positive rate', 'True positive rate');
  });

  it('draws a precision-recall curve with its AP', async () => {
    const svg = await precisionRecallPlot(precisionRecallCurve(labels, scores), { ap: 0.5 });
    expectSvg(svg, 'Precision-recall curve (AP = 0.500)', 'Recall', 'Precision');
  });

  it('draws a confusion matrix with label names and counts', async () => {
    const svg = await confusionMatrixPlot(
      [
        [7, 2],
        [1, 13],
      ],
      ['benign', 'malignant'],
    );
    expectSvg(svg, 'Confusion matrix', 'Predicted', 'Actual', 'benign', 'malignant');
    expect(numericTexts(svg)).toEqual(expect.arrayContaining(['7', '2', '1', '13']));
  });

  it('rejects a matrix that does not match the label names', () => {
    expect(() => confusionMatrixPlot([[1, 2]], ['a', 'b'])).toThrow(RangeError);
  });

  it('draws one histogram row per class', async () => {
    const svg = await scoreHistogramPlot(labels, scores, { bins: 5, labelNames: ['legit', 'fraud'] });
    expectSvg(svg, 'Score distribution by class', 'Score', 'Count', 'legit', 'fraud');
  });

  it('validates histogram input like the metrics do', () => {
    expect(() => scoreHistogramPlot([0, 1], [0.5])).toThrow(MetricError);
    expect(() => scoreHistogramPlot([0, 1], [0.5, 0.6], { bins: 0 })).toThrow(RangeError);
  });

  it('draws a reliability diagram', async () => {
    const svg = await calibrationPlot(calibrationCurve(labels, scores, 4), { ece: 0.125 });
    expectSvg(svg, 'Reliability diagram (ECE = 0.125)', 'Mean predicted probability', 'Fraction of positives');
  });

  it('draws named series on shared axes', async () => {
    const svg = await linePlot(
      [
        { name: 'loss', points: [{ x: 1, y: 0.9 }, { x: 2, y: 0.5 }] },
        { name: 'val_loss', points: [{ x: 1, y: 1 }, { x: 2, y: 0.7 }] },
      ],
      { title: 'Training loss', xTitle: 'Epoch', yTitle: 'Loss' },
    );
    expectSvg(svg, 'Training loss', 'Epoch', 'Loss', 'val_loss');
  });

  it('keeps the SVG small for a curve over a million points', async () => {
    const n = 1_000_000;
    const fpr = Array.from({ length: n }, (_, i) => i / (n - 1));
    const tpr = fpr.map((x) => Math.sqrt(x));
    const svg = await rocPlot({ fpr, tpr });
    expect(svg.length).toBeLessThan(120_000);
  });

  it('escapes markup in titles', async () => {
    const svg = await linePlot([{ name: 'a', points: [{ x: 0, y: 0 }] }], { title: 'a <b> & c', xTitle: 'x', yTitle: 'y' });
    expectSvg(svg, 'a &lt;b&gt; &amp; c');
  });
});
