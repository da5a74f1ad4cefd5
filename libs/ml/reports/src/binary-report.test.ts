import {
  averagePrecision,
  binaryMetricsAt,
  expectedCalibrationError,
  rocAuc,
} from '@dl-suite/ml-metrics';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBinaryClassificationReport } from './binary-report';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ml-binary-report-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Deterministic, imperfect scores: positives tend higher, with overlap and some ties. */
function fixture(n: number) {
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    const spread = ((i * 37) % 100) / 100; // 0 … 0.99, evenly mixed
    labels.push(label);
    scores.push(Math.round((spread * 0.7 + label * 0.3) * 100) / 100); // two decimals: plenty of ties
  }
  return { labels, scores };
}

const read = (file: string) => readFile(join(dir, file), 'utf8');

describe('writeBinaryClassificationReport', () => {
  const { labels, scores } = fixture(300);
  const options = {
    title: 'Fraud model v1',
    labels,
    scores,
    threshold: 0.4,
    labelNames: ['legit', 'fraud'] as const,
    description: 'Last 20 % of transactions by time (held out).',
    extraMetrics: { epochs: 12 },
    trainingHistory: { loss: [0.7, 0.5, 0.4], val_loss: [0.72, 0.55, 0.5] },
    notes: 'Scores are uncalibrated.',
  };

  it('writes metrics.json with the same numbers as the metrics library', async () => {
    const returned = await writeBinaryClassificationReport(dir, options);
    const metrics = JSON.parse(await read('metrics.json'));
    expect(metrics).toEqual(returned);
    const { confusionMatrix, ...atThreshold } = binaryMetricsAt(labels, scores, 0.4);
    expect(metrics.roc_auc).toBe(rocAuc(labels, scores));
    expect(metrics.average_precision).toBe(averagePrecision(labels, scores));
    expect(metrics.ece).toBe(expectedCalibrationError(labels, scores, 10));
    expect(metrics.at_threshold).toEqual(atThreshold);
    expect(metrics.confusion_matrix).toEqual({ labels: ['legit', 'fraud'], matrix: confusionMatrix });
    expect(metrics.counts).toEqual({ total: 300, positive: 100, negative: 200 });
    expect(metrics.extra).toEqual({ epochs: 12 });
  });

  it('writes every plot as an SVG with its axis titles', async () => {
    await writeBinaryClassificationReport(dir, options);
    const expected: Record<string, string[]> = {
      'roc.svg': ['ROC curve (AUC = ', 'False positive rate', 'True positive rate'],
      'pr.svg': ['AP = ', 'Recall', 'Precision'],
      'confusion-matrix.svg': ['Confusion matrix (threshold 0.4)', 'legit', 'fraud', 'Predicted'],
      'score-histogram.svg': ['Score', 'Count', 'legit', 'fraud'],
      'calibration.svg': ['Reliability diagram', 'Fraction of positives'],
      'training-loss.svg': ['Training loss', 'Epoch', 'val_loss'],
    };
    for (const [file, texts] of Object.entries(expected)) {
      const svg = await read(file);
      expect(svg, file).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      for (const text of texts) expect(svg, file).toContain(text);
    }
  });

  it('writes a report.md that links every plot and shows the metrics', async () => {
    await writeBinaryClassificationReport(dir, options);
    const md = await read('report.md');
    const svgs = (await readdir(dir)).filter((f) => f.endsWith('.svg'));
    expect(svgs).toHaveLength(6);
    for (const svg of svgs) expect(md).toContain(`](${svg})`);
    expect(md).toMatch(/^# Fraud model v1\n/);
    expect(md).toContain('Last 20 % of transactions by time (held out).');
    expect(md).toContain('300 samples: 100 fraud (class 1), 200 legit (class 0).');
    expect(md).toContain(`| ROC-AUC | ${rocAuc(labels, scores).toFixed(4)} |`);
    expect(md).toContain('| epochs | 12 |');
    expect(md).toContain('| Actual \\ Predicted | legit | fraud |');
    expect(md).toContain('## Notes\n\nScores are uncalibrated.');
  });

  it('still writes a report when the data holds a single class', async () => {
    const metrics = await writeBinaryClassificationReport(dir, {
      title: 'All legit',
      labels: [0, 0, 0],
      scores: [0.1, 0.5, 0.2],
    });
    expect(metrics.roc_auc).toBeNaN();
    expect(JSON.parse(await read('metrics.json')).roc_auc).toBeNull();
    expect(await read('report.md')).toContain('| ROC-AUC | n/a |');
    expect(await read('roc.svg')).toMatch(/^<svg/);
  });
});
