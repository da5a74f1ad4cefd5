import { linePlot } from './plots/line';
import type { ReportPlot } from './write-report';

/** Per-epoch values keyed by metric name, the shape of tf.js `History.history` ({ loss, val_loss, acc, … }). */
export type TrainingHistory = Readonly<Record<string, ArrayLike<number>>>;

/**
 * One line plot per metric, with its validation twin on the same axes: "loss" and "val_loss" go to
 * training-loss.svg. Metrics of different scales (loss vs accuracy) never share an axis this way.
 */
export async function trainingHistoryPlots(history: TrainingHistory): Promise<ReportPlot[]> {
  const groups = new Map<string, string[]>();
  for (const [name, values] of Object.entries(history)) {
    if (values.length === 0) continue;
    const base = name.replace(/^val_/, '');
    groups.set(base, [...(groups.get(base) ?? []), name]);
  }
  return Promise.all(
    [...groups].map(async ([base, names]): Promise<ReportPlot> => {
      const series = names.map((name) => ({
        name,
        points: Array.from(history[name]!, (y, epoch) => ({ x: epoch + 1, y })),
      }));
      const title = `Training ${base}`;
      return {
        file: `training-${base.replaceAll(/[^\w-]+/g, '-')}.svg`,
        title,
        svg: await linePlot(series, { title, xTitle: 'Epoch', yTitle: base }),
      };
    }),
  );
}
