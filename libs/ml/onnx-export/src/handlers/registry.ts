import { activation } from './activation';
import { add } from './add';
import { batchNormalization } from './batch-normalization';
import { concatenate } from './concatenate';
import { dense } from './dense';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { inputLayer } from './input-layer';
import { reshape } from './reshape';
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
