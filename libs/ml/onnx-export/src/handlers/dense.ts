import { emitActivation } from '../activations';
import { configBoolean, configString } from '../layer-config';
import { layerWeights, weightInitializer } from '../weights';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * y = activation(x · kernel + bias). MatMul broadcasts over leading axes exactly as tfjs Dense
 * does on rank > 2 inputs; ORT fuses MatMul+Add into Gemm for rank-2 inputs itself.
 */
export const dense: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const weights = layerWeights(layer);
  const kernel = weightInitializer(graph, layer, weights, 'kernel');

  const product = graph.uniqueName(`${layer.name}/matmul`);
  graph.node('MatMul', [input.name, kernel], [product], { name: `${layer.name}/MatMul` });

  let preActivation = product;
  if (configBoolean(layer, 'useBias', true)) {
    const bias = weightInitializer(graph, layer, weights, 'bias');
    preActivation = graph.uniqueName(`${layer.name}/biased`);
    graph.node('Add', [product, bias], [preActivation], { name: `${layer.name}/Add` });
  }
  emitActivation(graph, layer, configString(layer, 'activation', 'linear'), preActivation, output.name);
};
