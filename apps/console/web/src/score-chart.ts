import { svg } from './dom';

export interface ScorePoint {
  score: number;
  decision: 'approve' | 'review' | 'decline';
}

const WIDTH = 600;
const HEIGHT = 180;
const PAD = 24;

/** An SVG of the latest scores in arrival order: one dot per transaction, coloured by decision. */
export function scoreChart(points: readonly ScorePoint[], capacity: number): SVGSVGElement {
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, capacity - 1);
  const y = (score: number) => HEIGHT - PAD - score * (HEIGHT - 2 * PAD);
  const alerts = points.filter((p) => p.decision !== 'approve').length;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'score-chart', role: 'img', 'aria-label': `Fraud scores of the last ${points.length} transactions; ${alerts} flagged for review or decline` },
    svg('line', { x1: PAD, y1: y(0), x2: WIDTH - PAD, y2: y(0), class: 'axis' }),
    svg('line', { x1: PAD, y1: y(1), x2: WIDTH - PAD, y2: y(1), class: 'grid' }),
    svg('text', { x: 2, y: y(1) + 4, class: 'tick' }, '1'),
    svg('text', { x: 2, y: y(0) + 4, class: 'tick' }, '0'),
    svg('polyline', { class: 'trace', points: points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ') }),
  );
  points.forEach((p, i) => chart.appendChild(svg('circle', { cx: x(i).toFixed(1), cy: y(p.score).toFixed(1), r: p.decision === 'approve' ? 2 : 4, class: `dot ${p.decision}` })));
  return chart;
}
