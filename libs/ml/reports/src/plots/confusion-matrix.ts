import { renderSvg } from '../render';

const CELL = 56;

/** Heatmap of a confusion matrix (rows actual, columns predicted) with the count printed in each cell. */
export function confusionMatrixPlot(
  matrix: readonly (readonly number[])[],
  labelNames: readonly string[],
  options: { title?: string } = {},
): Promise<string> {
  if (matrix.length !== labelNames.length || matrix.some((row) => row.length !== labelNames.length)) {
    throw new RangeError(`confusion matrix must be ${labelNames.length}×${labelNames.length} to match labelNames`);
  }
  const cells = matrix.flatMap((row, a) =>
    row.map((count, p) => ({ actual: labelNames[a]!, predicted: labelNames[p]!, count })),
  );
  const max = Math.max(...cells.map((c) => c.count));
  const axis = (field: string, title: string) =>
    ({ field, type: 'nominal', title, sort: [...labelNames], axis: { labelAngle: 0 } }) as const;
  return renderSvg({
    title: options.title ?? 'Confusion matrix',
    width: { step: CELL },
    height: { step: CELL },
    data: { values: cells },
    encoding: { x: axis('predicted', 'Predicted'), y: axis('actual', 'Actual') },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: { field: 'count', type: 'quantitative', title: 'Count', scale: { scheme: 'blues', zero: true } },
        },
      },
      {
        mark: { type: 'text', fontSize: 13 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          // Dark cells get white text; the cut-off at half the maximum matches the blues scheme.
          color: { condition: { test: `datum.count > ${max / 2}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  });
}
