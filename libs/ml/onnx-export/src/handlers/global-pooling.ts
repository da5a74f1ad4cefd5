import { dataFormat } from '../layer-config';
import { toChannelsFirst } from './layout';
import { single } from './single';
import type { LayerCall, LayerHandler } from './types';

/**
 * Global max/average over every spatial axis: GlobalMaxPool / GlobalAveragePool on the
 * channels-first tensor (a channelsFirst layer needs no Transpose), then Flatten [N, C, 1…] → [N, C].
 * Chosen over ReduceMax / ReduceMean because those moved `axes` from an attribute to an input
 * at opset 18, while these ops read the same in every opset the exporter targets.
 */
function globalPool(call: LayerCall, opType: 'GlobalMaxPool' | 'GlobalAveragePool'): void {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const channelsFirst =
    dataFormat(layer) === 'channelsFirst'
      ? input.name
      : toChannelsFirst(graph, input.name, input.shape.length, `${layer.name}/to_channels_first`);
  const pooled = graph.uniqueName(`${layer.name}/pooled`);
  graph.node(opType, [channelsFirst], [pooled], { name: `${layer.name}/${opType}` });
  graph.node('Flatten', [pooled], [output.name], { name: `${layer.name}/Flatten`, attrs: { axis: { int: 1 } } });
}

export const globalMaxPooling: LayerHandler = (call) => globalPool(call, 'GlobalMaxPool');
export const globalAveragePooling: LayerHandler = (call) => globalPool(call, 'GlobalAveragePool');
