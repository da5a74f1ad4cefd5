import { configNumber } from '../layer-config';
import type { LayerHandler } from './types';

/** tfjs and ONNX count the axis the same way (batch is axis 0, negatives from the end). */
export const concatenate: LayerHandler = ({ layer, inputs, outputs, graph }) => {
  graph.node('Concat', inputs.map((t) => t.name), outputs.map((t) => t.name), {
    name: `${layer.name}/Concat`,
    attrs: { axis: { int: configNumber(layer, 'axis', -1) } },
  });
};
