import { emitActivation } from '../activations';
import type { GraphBuilder } from '../graph-builder';
import { configBoolean, configString, requireChannelsLast } from '../layer-config';
import { weightInitializer, type WeightValues } from '../weights';
import { toChannelsFirst, toChannelsLast } from './layout';
import { single } from './single';
import type { Layer, LayerCall, TensorInfo } from './types';
import { configWindow, windowPads, type Window } from './window';

/** Everything an ONNX Conv needs besides its tensors. */
export interface ConvGeometry extends Window {
  /** ONNX order: begins of every spatial axis, then ends. */
  readonly pads: readonly number[];
}

/** A 1×…×1 window: the pointwise half of a separable convolution. */
export function pointwise(spatialRank: number): ConvGeometry {
  const ones = Array<number>(spatialRank).fill(1);
  return { kernel: ones, strides: ones, dilations: ones, pads: Array<number>(spatialRank * 2).fill(0) };
}

/** The layer's kernel, strides, dilation and padding resolved against its channels-last input. */
export function convGeometry(layer: Layer, input: TensorInfo): ConvGeometry {
  requireChannelsLast(layer);
  const spatialRank = input.shape.length - 2;
  const window: Window = {
    kernel: configWindow(layer, 'kernelSize', spatialRank),
    strides: configWindow(layer, 'strides', spatialRank),
    dilations: configWindow(layer, 'dilationRate', spatialRank),
  };
  return { ...window, pads: windowPads(layer, input.shape.slice(1, -1), window) };
}

/** The bias initializer as an extra Conv input, or nothing when the layer has `useBias: false`. */
export function optionalBias(graph: GraphBuilder, layer: Layer, weights: Map<string, WeightValues>): string[] {
  return configBoolean(layer, 'useBias', true) ? [weightInitializer(graph, layer, weights, 'bias')] : [];
}

/** Emits one ONNX Conv on channels-first tensors (`group` > 1 for depthwise) and returns its output. */
export function emitConv(
  graph: GraphBuilder,
  hint: string,
  inputs: readonly string[],
  geometry: ConvGeometry,
  group = 1,
): string {
  const output = graph.uniqueName(hint);
  graph.node('Conv', inputs, [output], {
    name: hint,
    attrs: {
      kernel_shape: { ints: geometry.kernel },
      strides: { ints: geometry.strides },
      dilations: { ints: geometry.dilations },
      pads: { ints: geometry.pads },
      ...(group > 1 ? { group: { int: group } } : {}),
    },
  });
  return output;
}

/**
 * The frame every tfjs convolution layer shares: channels-last input → Transpose →
 * `convolve` (channels-first in and out) → Transpose back → the layer's activation, applied
 * after the transpose so a softmax activation still sees the channels last.
 */
export function convLayer(call: LayerCall, convolve: (channelsFirst: string) => string): void {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const rank = input.shape.length;
  const channelsFirst = toChannelsFirst(graph, input.name, rank, `${layer.name}/to_channels_first`);
  const channelsLast = toChannelsLast(graph, convolve(channelsFirst), rank, `${layer.name}/to_channels_last`);
  emitActivation(graph, layer, configString(layer, 'activation', 'linear'), channelsLast, output.name);
}
