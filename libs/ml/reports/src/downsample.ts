export interface Point {
  x: number;
  y: number;
}

/** Beyond this many points a curve adds kilobytes of SVG path but nothing visible. */
export const MAX_PLOT_POINTS = 2000;

/**
 * Thins a polyline to at most maxPoints, keeping the first and last point. Points are kept at equal
 * arc-length steps in axis-normalised coordinates rather than at equal index steps: a ROC curve over
 * a million negatives but fifty positives spends almost all its points on tiny horizontal moves, and
 * index striding would smooth away exactly the vertical jumps that matter.
 */
export function downsample<T extends Point>(points: readonly T[], maxPoints = MAX_PLOT_POINTS): T[] {
  if (maxPoints < 3) throw new RangeError(`maxPoints must be at least 3, got ${maxPoints}`);
  if (points.length <= maxPoints) return [...points];
  const sx = span(points, 'x');
  const sy = span(points, 'y');
  const dist = (a: T, b: T) => {
    const dx = (a.x - b.x) / sx;
    const dy = (a.y - b.y) / sy;
    return Math.sqrt(dx * dx + dy * dy);
  };

  const first = points[0]!;
  const last = points[points.length - 1]!;
  let length = 0;
  for (let i = 1; i < points.length; i++) length += dist(points[i - 1]!, points[i]!);
  if (length === 0) return [first, last];

  // Each kept interior point consumes at least one step of length, so at most maxPoints - 2 are kept.
  const step = length / (maxPoints - 2);
  const kept = [first];
  let travelled = 0;
  for (let i = 1; i < points.length - 1; i++) {
    travelled += dist(points[i - 1]!, points[i]!);
    if (travelled >= step) {
      kept.push(points[i]!);
      travelled = 0;
    }
  }
  kept.push(last);
  return kept;
}

function span(points: readonly Point[], axis: keyof Point): number {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p[axis]);
    max = Math.max(max, p[axis]);
  }
  return max > min ? max - min : 1;
}
