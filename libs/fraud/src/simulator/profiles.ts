/**
 * The simulated world, as in the Fraud Detection Handbook: customers and terminals placed
 * uniformly on a 100 × 100 grid; each customer has a spending profile and shops at the
 * terminals within a radius of home. Struct-of-arrays, because the daily loop reads these
 * millions of times.
 */
import type { Channel } from '../transactions/rules';
import type { ResolvedSimulationOptions } from './options';
import type { Rng } from './rng';

export const GRID_SIZE = 100;
/** Grid units → degrees, to give card-present transactions a plausible lat/lon (a 1° × 1° box). */
const GEO = { lat0: 48, lon0: 2, degreesPerUnit: 0.01 } as const;
export const gridToLatLon = (x: number, y: number): { lat: number; lon: number } => ({
  lat: Math.round((GEO.lat0 + y * GEO.degreesPerUnit) * 1e6) / 1e6,
  lon: Math.round((GEO.lon0 + x * GEO.degreesPerUnit) * 1e6) / 1e6,
});

export const MERCHANT_CATEGORIES = [
  'grocery',
  'restaurant',
  'retail',
  'fuel',
  'entertainment',
  'travel',
  'health',
  'electronics',
  'services',
] as const;
const CATEGORY_WEIGHTS = [0.24, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05, 0.06];
const ONLINE_SHARE = 0.1;

export interface Customers {
  count: number;
  x: Float64Array;
  y: Float64Array;
  meanAmount: Float64Array;
  stdAmount: Float64Array;
  txPerDay: Float64Array;
  /** Multiplier of txPerDay on Saturdays and Sundays. */
  weekendFactor: Float64Array;
  /** Terminals of customer i: terminals[terminalStart[i] .. terminalStart[i + 1]), ascending ids. */
  terminalStart: Uint32Array;
  terminals: Uint32Array;
}

export interface Terminals {
  count: number;
  x: Float64Array;
  y: Float64Array;
  category: Uint8Array;
  channel: Channel[];
  /** Ids of the online terminals (card testers' targets). */
  online: Uint32Array;
}

export function generateTerminals(count: number, rng: Rng): Terminals {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const category = new Uint8Array(count);
  const channel: Channel[] = [];
  const online: number[] = [];
  for (let t = 0; t < count; t++) {
    x[t] = rng.uniform(0, GRID_SIZE);
    y[t] = rng.uniform(0, GRID_SIZE);
    category[t] = pickWeighted(CATEGORY_WEIGHTS, rng.next());
    const isOnline = rng.next() < ONLINE_SHARE;
    channel.push(isOnline ? 'online' : 'card_present');
    if (isOnline) online.push(t);
  }
  return { count, x, y, category, channel, online: Uint32Array.from(online) };
}

/** Handbook profiles: mean amount U(5, 100), std = mean / 2, mean transactions per day U(0, 4). */
export function generateCustomers(
  { customers: count, radius, weekendDip }: Pick<ResolvedSimulationOptions, 'customers' | 'radius' | 'weekendDip'>,
  terminals: Terminals,
  rng: Rng,
): Customers {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const meanAmount = new Float64Array(count);
  const stdAmount = new Float64Array(count);
  const txPerDay = new Float64Array(count);
  const weekendFactor = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    x[c] = rng.uniform(0, GRID_SIZE);
    y[c] = rng.uniform(0, GRID_SIZE);
    meanAmount[c] = rng.uniform(5, 100);
    stdAmount[c] = (meanAmount[c] as number) / 2;
    txPerDay[c] = rng.uniform(0, 4);
    // Drawn even when weekendDip is 0, so the dip does not shift the other profile draws.
    weekendFactor[c] = rng.next() < 0.5 ? 1 - weekendDip : 1;
  }
  const { terminalStart, terminals: list } = terminalsWithin(x, y, terminals, radius);
  return { count, x, y, meanAmount, stdAmount, txPerDay, weekendFactor, terminalStart, terminals: list };
}

/** Grid distance from customer c's home to terminal t. */
export const distanceFromHome = (customers: Customers, c: number, terminals: Terminals, t: number): number =>
  Math.hypot((terminals.x[t] as number) - (customers.x[c] as number), (terminals.y[t] as number) - (customers.y[c] as number));

function pickWeighted(weights: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] as number;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/**
 * Terminals strictly within `radius` of each customer (the Handbook's rule), found through a
 * grid of radius-sized cells so the cost grows with customers × neighbours, not × terminals.
 */
function terminalsWithin(
  cx: Float64Array,
  cy: Float64Array,
  terminals: Terminals,
  radius: number,
): { terminalStart: Uint32Array; terminals: Uint32Array } {
  const cells = Math.max(1, Math.ceil(GRID_SIZE / radius));
  const cellOf = (v: number): number => Math.min(cells - 1, Math.floor(v / radius));
  const buckets: number[][] = Array.from({ length: cells * cells }, () => []);
  for (let t = 0; t < terminals.count; t++) {
    buckets[cellOf(terminals.y[t] as number) * cells + cellOf(terminals.x[t] as number)]?.push(t);
  }
  const terminalStart = new Uint32Array(cx.length + 1);
  const list: number[] = [];
  const r2 = radius * radius;
  for (let c = 0; c < cx.length; c++) {
    const x = cx[c] as number;
    const y = cy[c] as number;
    const found: number[] = [];
    for (let row = Math.max(0, cellOf(y) - 1); row <= Math.min(cells - 1, cellOf(y) + 1); row++) {
      for (let col = Math.max(0, cellOf(x) - 1); col <= Math.min(cells - 1, cellOf(x) + 1); col++) {
        for (const t of buckets[row * cells + col] ?? []) {
          const dx = (terminals.x[t] as number) - x;
          const dy = (terminals.y[t] as number) - y;
          if (dx * dx + dy * dy < r2) found.push(t);
        }
      }
    }
    found.sort((a, b) => a - b);
    for (const t of found) list.push(t);
    terminalStart[c + 1] = list.length;
  }
  return { terminalStart, terminals: Uint32Array.from(list) };
}
