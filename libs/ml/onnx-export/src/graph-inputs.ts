import type { SymbolicTensor } from '@tensorflow/tfjs';
import type { GraphBuilder } from './graph-builder';
import { channelsFirstPerm, toChannelsLast } from './handlers/layout';
import { onnxElemType, symbolicDims } from './tensors';

/**
 * Declares the graph input `name` for a tfjs model input and returns the tensor name the layers
 * read. With `channelsFirst`, a rank-4 (image) input is declared [batch, C, H, W], the layout
 * transformers.js image processors feed as `pixel_values`, and transposed in-graph to the
 * [batch, H, W, C] tfjs layers expect; the first Conv's own Transpose then cancels against it.
 */
export function declareInput(graph: GraphBuilder, name: string, tensor: SymbolicTensor, channelsFirst: boolean): string {
  const elemType = onnxElemType(tensor.dtype, `input '${name}'`);
  if (!channelsFirst || tensor.shape.length !== 4) {
    graph.addInput(name, elemType, symbolicDims(name, tensor.shape));
    return name;
  }
  const declaredShape = channelsFirstPerm(4).map((axis) => tensor.shape[axis] ?? null);
  graph.addInput(name, elemType, symbolicDims(name, declaredShape));
  return toChannelsLast(graph, name, 4, `${name}_channels_last`);
}
