import type { Layer } from './handlers/types';

// tfjs exposes layer options only through the untyped getConfig(), so reads are checked here
// and a wrong type names the layer instead of producing a silently wrong graph.

export function describeLayer(layer: Layer): string {
  return `${layer.getClassName()} layer '${layer.name}'`;
}

function read(layer: Layer, key: string): unknown {
  return layer.getConfig()[key];
}

function fail(layer: Layer, key: string, expected: string, value: unknown): never {
  throw new Error(`${describeLayer(layer)}: config '${key}' should be ${expected}, got ${JSON.stringify(value)}`);
}

export function configString(layer: Layer, key: string, fallback: string): string {
  const value = read(layer, key) ?? fallback;
  return typeof value === 'string' ? value : fail(layer, key, 'a string', value);
}

export function configNumber(layer: Layer, key: string, fallback: number): number {
  const value = read(layer, key) ?? fallback;
  return typeof value === 'number' ? value : fail(layer, key, 'a number', value);
}

export function configBoolean(layer: Layer, key: string, fallback: boolean): boolean {
  const value = read(layer, key) ?? fallback;
  return typeof value === 'boolean' ? value : fail(layer, key, 'a boolean', value);
}

/** Shape-like lists where tfjs uses null for "infer this dimension". */
export function configDims(layer: Layer, key: string): (number | null)[] {
  const value = read(layer, key);
  const ok = Array.isArray(value) && value.every((d) => d === null || typeof d === 'number');
  return ok ? (value as (number | null)[]) : fail(layer, key, 'a list of dimensions', value);
}

/** Resolves a possibly negative axis against a rank, as tfjs does. */
export function normalizeAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

export type DataFormat = 'channelsLast' | 'channelsFirst';

/** A conv/pooling/padding layer's data format. Conv1D.getConfig() drops it, so the property comes first. */
export function dataFormat(layer: Layer): DataFormat {
  const value = (layer as { dataFormat?: unknown }).dataFormat ?? read(layer, 'dataFormat') ?? 'channelsLast';
  return value === 'channelsLast' || value === 'channelsFirst' ? value : fail(layer, 'dataFormat', 'a data format', value);
}

export function requireChannelsLast(layer: Layer): void {
  if (dataFormat(layer) !== 'channelsLast') {
    throw new Error(`${describeLayer(layer)}: only channelsLast is supported, got channelsFirst`);
  }
}
