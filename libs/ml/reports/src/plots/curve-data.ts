import { downsample, type Point } from '../downsample';

/** Point of a plotted curve; `order` keeps the drawing order (vega-lite sorts lines by x otherwise). */
export interface OrderedPoint extends Point {
  order: number;
}

/** Zips x and y into plot data, dropping undefined points (NaN rates of single-class data) and thinning. */
export function curveData(xs: readonly number[], ys: readonly number[]): OrderedPoint[] {
  const points: Point[] = [];
  xs.forEach((x, i) => {
    const y = ys[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y });
  });
  return downsample(points).map((p, order) => ({ ...p, order }));
}

/** Shared x/y encoding of the [0, 1] × [0, 1] plots (ROC, PR, reliability diagram). */
export function unitSquareEncoding(xTitle: string, yTitle: string) {
  const quantitative = 'quantitative' as const;
  return {
    x: { field: 'x', type: quantitative, title: xTitle, scale: { domain: [0, 1] } },
    y: { field: 'y', type: quantitative, title: yTitle, scale: { domain: [0, 1] } },
    order: { field: 'order', type: quantitative },
  };
}

export const PLOT_SIZE = 320;
