import type { LayerHandler } from './types';

/** tfjs Add takes any number of inputs; ONNX Sum is the variadic, broadcasting equivalent. */
export const add: LayerHandler = ({ layer, inputs, outputs, graph }) => {
  graph.node('Sum', inputs.map((t) => t.name), outputs.map((t) => t.name), { name: `${layer.name}/Sum` });
};
