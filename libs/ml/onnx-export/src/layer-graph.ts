import type { SymbolicTensor } from '@tensorflow/tfjs';
import type { Layer } from './handlers/types';

/** One call of a layer: the symbolic tensors it consumed and produced. */
export interface LayerCallSite {
  readonly layer: Layer;
  readonly inputs: readonly SymbolicTensor[];
  readonly outputs: readonly SymbolicTensor[];
}

/**
 * Every layer call between a model's inputs and outputs, producers before consumers. Walking
 * the tensors rather than `model.layers` treats Sequential and functional models alike and
 * visits a shared layer once per call. Inputs are visited first so graph inputs keep their order.
 */
export function layerCallsInOrder(
  inputs: readonly SymbolicTensor[],
  outputs: readonly SymbolicTensor[],
): LayerCallSite[] {
  const seen = new Set<unknown>();
  const order: LayerCallSite[] = [];
  const visit = (tensor: SymbolicTensor): void => {
    const node = tensor.sourceLayer.inboundNodes[tensor.nodeIndex];
    if (!node) throw new Error(`Tensor '${tensor.name}' has no producing layer call; is the model built?`);
    if (seen.has(node)) return;
    seen.add(node);
    // An InputLayer's node lists its own output as its input but has no inbound layers.
    const nodeInputs = node.inboundLayers.length === 0 ? [] : node.inputTensors;
    nodeInputs.forEach(visit);
    order.push({ layer: node.outboundLayer, inputs: nodeInputs, outputs: node.outputTensors });
  };
  [...inputs, ...outputs].forEach(visit);
  return order;
}
