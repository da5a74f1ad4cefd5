import { requireChannelsLast } from '../layer-config';
import { toChannelsFirst, toChannelsLast } from './layout';
import { single } from './single';
import type { LayerCall, LayerHandler } from './types';
import { configWindow, windowPads, type Window } from './window';

/**
 * MaxPooling1D/2D and AveragePooling1D/2D: Transpose → MaxPool / AveragePool → Transpose back.
 * 'same' pads follow the same rule as convolutions. tfjs ignores padded cells in both pools:
 * ONNX MaxPool never reads its pads, and `count_include_pad: 0` divides each average by the
 * number of real cells under the window, as tfjs does.
 */
function pool(call: LayerCall, opType: 'MaxPool' | 'AveragePool'): void {
  const { layer, graph } = call;
  const { input, output } = single(call);
  requireChannelsLast(layer);
  const rank = input.shape.length;
  const spatialRank = rank - 2;
  const window: Window = {
    kernel: configWindow(layer, 'poolSize', spatialRank),
    strides: configWindow(layer, 'strides', spatialRank),
    dilations: Array<number>(spatialRank).fill(1),
  };
  const pooled = graph.uniqueName(`${layer.name}/pooled`);
  graph.node(opType, [toChannelsFirst(graph, input.name, rank, `${layer.name}/to_channels_first`)], [pooled], {
    name: `${layer.name}/${opType}`,
    attrs: {
      kernel_shape: { ints: window.kernel },
      strides: { ints: window.strides },
      pads: { ints: windowPads(layer, input.shape.slice(1, -1), window) },
      ...(opType === 'AveragePool' ? { count_include_pad: { int: 0 } } : {}),
    },
  });
  toChannelsLast(graph, pooled, rank, `${layer.name}/to_channels_last`, output.name);
}

export const maxPooling: LayerHandler = (call) => pool(call, 'MaxPool');
export const averagePooling: LayerHandler = (call) => pool(call, 'AveragePool');
