import { describeLayer } from '../layer-config';
import { onnxElemType, symbolicDims } from '../tensors';
import type { LayerHandler } from './types';

/** Declares a graph input; its dtype follows the tfjs input (int32 ids become int64). */
export const inputLayer: LayerHandler = ({ layer, outputs, graph }) => {
  for (const output of outputs) {
    const elemType = onnxElemType(output.dtype, describeLayer(layer));
    graph.addInput(output.name, elemType, symbolicDims(output.name, output.shape));
  }
};
