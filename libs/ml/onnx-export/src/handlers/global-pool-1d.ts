import { swapStepsAndChannels } from './layout';
import { single } from './single';
import type { LayerCall } from './types';

/**
 * ONNX GlobalMax/AveragePool on NCW, then Flatten [N, C, 1] → [N, C]. Chosen over ReduceMax /
 * ReduceMean because those moved `axes` from an attribute to an input at opset 18, and these ops
 * read the same in every opset the exporter targets.
 */
export function globalPool1d(call: LayerCall, opType: 'GlobalMaxPool' | 'GlobalAveragePool'): void {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const pooled = graph.uniqueName(`${layer.name}/pooled`);
  graph.node(opType, [swapStepsAndChannels(graph, input.name, `${layer.name}/to_ncw`)], [pooled], {
    name: `${layer.name}/${opType}`,
  });
  graph.node('Flatten', [pooled], [output.name], { name: `${layer.name}/Flatten`, attrs: { axis: { int: 1 } } });
}
