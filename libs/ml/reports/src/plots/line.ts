import { downsample, type Point } from '../downsample';
import { renderSvg } from '../render';

export interface Series {
  name: string;
  points: readonly Point[];
}

export interface LinePlotOptions {
  title: string;
  xTitle: string;
  yTitle: string;
}

/** Several named series on shared axes, e.g. training and validation loss per epoch. */
export function linePlot(series: readonly Series[], options: LinePlotOptions): Promise<string> {
  const values = series.flatMap(({ name, points }) =>
    downsample(points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).map((p, order) => ({
      series: name,
      x: p.x,
      y: p.y,
      order,
    })),
  );
  // Epoch-like x values get whole-number ticks instead of 1.0, 1.4, 1.8, …
  const integerX = values.every((v) => Number.isInteger(v.x));
  return renderSvg({
    title: options.title,
    width: 400,
    height: 260,
    data: { values },
    mark: { type: 'line', point: values.length <= 60 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: options.xTitle,
        axis: integerX ? { format: 'd', tickMinStep: 1 } : {},
      },
      y: { field: 'y', type: 'quantitative', title: options.yTitle, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, sort: series.map((s) => s.name) },
      order: { field: 'order', type: 'quantitative' },
    },
  });
}
