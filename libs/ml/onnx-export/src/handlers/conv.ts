import { layerWeights, permuteAxes, requireWeight } from '../weights';
import { convGeometry, convLayer, emitConv, optionalBias } from './convolution';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * Conv1D and Conv2D on channels-last tensors as one ONNX Conv (NCW / NCHW) between Transposes.
 * tfjs kernels are [...window, Cin, Cout]; ONNX wants [Cout, Cin, ...window].
 */
export const conv: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input } = single(call);
  const geometry = convGeometry(layer, input);
  const spatialRank = geometry.kernel.length;
  const weights = layerWeights(layer);
  const kernel = permuteAxes(requireWeight(weights, layer, 'kernel'), [
    spatialRank + 1,
    spatialRank,
    ...geometry.kernel.map((_, axis) => axis),
  ]);
  const kernelName = graph.floatConstant(`${layer.name}/kernel_onnx`, kernel.values, kernel.shape);
  const bias = optionalBias(graph, layer, weights);
  convLayer(call, (x) => emitConv(graph, `${layer.name}/conv`, [x, kernelName, ...bias], geometry));
};
