import { activation } from './activation';
import { add } from './add';
import { batchNormalization } from './batch-normalization';
import { concatenate } from './concatenate';
import { conv1d } from './conv1d';
import { dense } from './dense';
import { dot } from './dot';
import { dropout } from './dropout';
import { embedding } from './embedding';
import { flatten } from './flatten';
import { globalAveragePooling1d } from './global-average-pooling-1d';
import { globalMaxPooling1d } from './global-max-pooling-1d';
import { inputLayer } from './input-layer';
import { multiply } from './multiply';
import { reshape } from './reshape';
import { softmax } from './softmax';
import type { Layer, LayerHandler } from './types';

/** Handlers keyed by tfjs `getClassName()`; a new layer type is one file plus one line here. */
const HANDLERS: ReadonlyMap<string, LayerHandler> = new Map([
  ['InputLayer', inputLayer],
  ['Dense', dense],
  ['BatchNormalization', batchNormalization],
  ['Dropout', dropout],
  ['Activation', activation],
  ['Flatten', flatten],
  ['Reshape', reshape],
  ['Concatenate', concatenate],
  ['Add', add],
  ['Multiply', multiply],
  ['Embedding', embedding],
  ['Conv1D', conv1d],
  ['GlobalMaxPooling1D', globalMaxPooling1d],
  ['GlobalAveragePooling1D', globalAveragePooling1d],
  ['Softmax', softmax],
  ['Dot', dot],
  // Dropping whole channels is still the identity at inference.
  ['SpatialDropout1D', dropout],
]);

export const supportedLayers = [...HANDLERS.keys()];

export class UnsupportedLayerError extends Error {
  constructor(
    readonly layerClass: string,
    readonly layerName: string,
  ) {
    super(
      `Cannot export ${layerClass} layer '${layerName}' to ONNX: no handler for ${layerClass} ` +
        `(supported: ${supportedLayers.join(', ')})`,
    );
    this.name = 'UnsupportedLayerError';
  }
}

export function handlerFor(layer: Layer): LayerHandler {
  const handler = HANDLERS.get(layer.getClassName());
  if (!handler) throw new UnsupportedLayerError(layer.getClassName(), layer.name);
  return handler;
}
