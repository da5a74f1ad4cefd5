import { layerWeights, permuteAxes, requireWeight } from '../weights';
import { convGeometry, convLayer, emitConv, optionalBias, pointwise } from './convolution';
import { depthwiseKernel } from './depthwise-conv2d';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * SeparableConv2D as two ONNX Convs, as tfjs computes it: the grouped depthwise one with the
 * layer's strides, dilation and padding, then a 1×1 pointwise one that carries the bias.
 */
export const separableConv2d: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input } = single(call);
  const geometry = convGeometry(layer, input);
  const weights = layerWeights(layer);
  const depthwise = depthwiseKernel(graph, layer, weights);
  // [1, 1, Cin · multiplier, filters] → [filters, Cin · multiplier, 1, 1]
  const mixing = permuteAxes(requireWeight(weights, layer, 'pointwise_kernel'), [3, 2, 0, 1]);
  const pointwiseInputs = [
    graph.floatConstant(`${layer.name}/pointwise_onnx`, mixing.values, mixing.shape),
    ...optionalBias(graph, layer, weights),
  ];
  convLayer(call, (x) => {
    const spread = emitConv(graph, `${layer.name}/depthwise`, [x, depthwise.name], geometry, depthwise.groups);
    return emitConv(graph, `${layer.name}/pointwise`, [spread, ...pointwiseInputs], pointwise(2));
  });
};
