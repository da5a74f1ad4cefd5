import { describeLayer } from '../layer-config';
import type { LayerHandler } from './types';

/**
 * Element-wise product of two or more inputs, with tfjs's broadcasting (e.g. [N, W, C] · [N, W, 1],
 * how a text model applies its attention mask). ONNX Mul is binary and broadcasts the same way.
 */
export const multiply: LayerHandler = ({ layer, inputs, outputs, graph }) => {
  const [first, ...rest] = inputs;
  const [output] = outputs;
  if (!first || rest.length === 0 || !output) {
    throw new Error(`${describeLayer(layer)}: expected at least 2 inputs and 1 output`);
  }
  let product = first.name;
  rest.forEach((factor, i) => {
    const target = i === rest.length - 1 ? output.name : graph.uniqueName(`${layer.name}/product`);
    graph.node('Mul', [product, factor.name], [target], { name: `${layer.name}/Mul` });
    product = target;
  });
};
