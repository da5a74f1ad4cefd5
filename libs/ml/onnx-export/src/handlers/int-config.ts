import { configDims, describeLayer } from '../layer-config';
import type { Layer } from './types';

/**
 * A 1-D window option (kernelSize, strides, dilationRate). tfjs serializes them as one-element
 * lists for Conv1D; anything longer or non-positive here means a layer this handler cannot map.
 */
export function configWindow1d(layer: Layer, key: string): number {
  const value = layer.getConfig()[key];
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const [first, ...rest] = configDims(layer, key);
  if (rest.length > 0 || first == null || !Number.isInteger(first) || first <= 0) {
    throw new Error(`${describeLayer(layer)}: config '${key}' should be one positive integer, got ${JSON.stringify(value)}`);
  }
  return first;
}
