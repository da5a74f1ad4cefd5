import { configNumber } from '../layer-config';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * The Softmax layer (not the activation) takes an axis; since opset 13 ONNX Softmax normalizes
 * along exactly that axis, and tensors keep tfjs's layout, so the axis carries over unchanged.
 * tfjs runs it on the last axis only, and its default axis is 1 (not -1), hence that fallback.
 */
export const softmax: LayerHandler = (call) => {
  const { input, output } = single(call);
  call.graph.node('Softmax', [input.name], [output.name], {
    name: `${call.layer.name}/Softmax`,
    attrs: { axis: { int: configNumber(call.layer, 'axis', 1) } },
  });
};
