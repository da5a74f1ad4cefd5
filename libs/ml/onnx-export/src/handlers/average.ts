import type { LayerHandler } from './types';

/** tfjs Average (element-wise mean of its inputs, e.g. an ensemble's outputs) is ONNX Mean, variadic and broadcasting. */
export const average: LayerHandler = ({ layer, inputs, outputs, graph }) => {
  graph.node('Mean', inputs.map((t) => t.name), outputs.map((t) => t.name), { name: `${layer.name}/Mean` });
};
