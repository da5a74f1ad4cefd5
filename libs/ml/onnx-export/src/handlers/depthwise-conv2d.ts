import type { GraphBuilder } from '../graph-builder';
import { describeLayer } from '../layer-config';
import { layerWeights, permuteAxes, requireWeight, type WeightValues } from '../weights';
import { convGeometry, convLayer, emitConv, optionalBias } from './convolution';
import { single } from './single';
import type { Layer, LayerHandler } from './types';

/** DepthwiseConv2D as a grouped ONNX Conv with one group per input channel. */
export const depthwiseConv2d: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input } = single(call);
  const geometry = convGeometry(layer, input);
  // tfjs 4.22's DepthwiseConv2D keeps dilationRate in its config but never applies it.
  if (geometry.dilations.some((d) => d !== 1)) {
    throw new Error(`${describeLayer(layer)}: dilationRate is ignored by tfjs DepthwiseConv2D, so it is refused here`);
  }
  const weights = layerWeights(layer);
  const kernel = depthwiseKernel(graph, layer, weights);
  const inputs = [kernel.name, ...optionalBias(graph, layer, weights)];
  convLayer(call, (x) => emitConv(graph, `${layer.name}/conv`, [x, ...inputs], geometry, kernel.groups));
};

/**
 * The layer's `depthwise_kernel` [kh, kw, Cin, multiplier] as the weight of a Conv with Cin
 * groups, [Cin · multiplier, 1, kh, kw]. Output channel c · multiplier + m is the same channel in
 * tfjs and ONNX, so the channel order carries over.
 */
export function depthwiseKernel(
  graph: GraphBuilder,
  layer: Layer,
  weights: Map<string, WeightValues>,
): { name: string; groups: number } {
  const { values, shape } = permuteAxes(requireWeight(weights, layer, 'depthwise_kernel'), [2, 3, 0, 1]);
  const [channelsIn = 0, multiplier = 0, ...window] = shape;
  const name = graph.floatConstant(`${layer.name}/depthwise_onnx`, values, [channelsIn * multiplier, 1, ...window]);
  return { name, groups: channelsIn };
}
