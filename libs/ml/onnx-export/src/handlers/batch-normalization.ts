import { configNumber, describeLayer, normalizeAxis } from '../layer-config';
import { layerWeights, requireWeight } from '../weights';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * Inference-mode batch norm folded into y = x * scale + shift, per channel on the last axis.
 * ONNX's BatchNormalization op wants channels on axis 1 (NCHW), which tfjs's channels-last
 * tensors would need transposes for; two broadcasting ops are exact and simpler.
 */
export const batchNormalization: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const rank = input.shape.length;
  const axis = normalizeAxis(configNumber(layer, 'axis', -1), rank);
  if (axis !== rank - 1) {
    throw new Error(`${describeLayer(layer)}: only the last axis (channels-last) is supported, got axis ${axis} of rank ${rank}`);
  }

  const weights = layerWeights(layer);
  const mean = requireWeight(weights, layer, 'moving_mean').values;
  const variance = requireWeight(weights, layer, 'moving_variance').values;
  // center=false / scale=false drop beta / gamma from the layer's weights entirely.
  const gamma = weights.get('gamma')?.values;
  const beta = weights.get('beta')?.values;
  const epsilon = configNumber(layer, 'epsilon', 1e-3);

  const scale = new Float64Array(mean.length);
  const shift = new Float64Array(mean.length);
  for (let c = 0; c < mean.length; c++) {
    scale[c] = (gamma?.[c] ?? 1) / Math.sqrt((variance[c] ?? 0) + epsilon);
    shift[c] = (beta?.[c] ?? 0) - (mean[c] ?? 0) * (scale[c] ?? 0);
  }

  const scaleName = graph.floatConstant(`${layer.name}/scale`, scale, [scale.length]);
  const shiftName = graph.floatConstant(`${layer.name}/shift`, shift, [shift.length]);
  const scaled = graph.uniqueName(`${layer.name}/scaled`);
  graph.node('Mul', [input.name, scaleName], [scaled], { name: `${layer.name}/Mul` });
  graph.node('Add', [scaled, shiftName], [output.name], { name: `${layer.name}/Add` });
};
