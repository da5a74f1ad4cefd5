import { activation } from './activation';
import { add } from './add';
import { average } from './average';
import { batchNormalization } from './batch-normalization';
import { concatenate } from './concatenate';
import { conv } from './conv';
import { dense } from './dense';
import { depthwiseConv2d } from './depthwise-conv2d';
import { dot } from './dot';
import { dropout } from './dropout';
import { embedding } from './embedding';
import { flatten } from './flatten';
import { globalAveragePooling, globalMaxPooling } from './global-pooling';
import { inputLayer } from './input-layer';
import { logCompression } from './log-compression';
import { multiply } from './multiply';
import { averagePooling, maxPooling } from './pooling';
import { relu } from './relu';
import { reshape } from './reshape';
import { separableConv2d } from './separable-conv2d';
import { softmax } from './softmax';
import type { Layer, LayerHandler } from './types';
import { zeroPadding2d } from './zero-padding-2d';

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
  ['Average', average],
  ['Multiply', multiply],
  ['Embedding', embedding],
  ['Conv1D', conv],
  ['GlobalMaxPooling1D', globalMaxPooling],
  ['GlobalAveragePooling1D', globalAveragePooling],
  ['Softmax', softmax],
  ['Dot', dot],
  // Dropping whole channels is still the identity at inference.
  ['SpatialDropout1D', dropout],
  ['ReLU', relu],
  ['Conv2D', conv],
  ['DepthwiseConv2D', depthwiseConv2d],
  ['SeparableConv2D', separableConv2d],
  ['MaxPooling1D', maxPooling],
  ['MaxPooling2D', maxPooling],
  ['AveragePooling1D', averagePooling],
  ['AveragePooling2D', averagePooling],
  ['GlobalMaxPooling2D', globalMaxPooling],
  ['GlobalAveragePooling2D', globalAveragePooling],
  ['ZeroPadding2D', zeroPadding2d],
  ['LogCompression', logCompression],
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
