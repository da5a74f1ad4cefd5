import { configDims } from '../layer-config';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * tfjs targetShape excludes the batch axis and writes an inferred dimension as null. In ONNX's
 * shape tensor 0 copies the input's dimension (the dynamic batch) and -1 is the inferred one.
 */
export const reshape: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const target = configDims(layer, 'targetShape').map((d) => d ?? -1);
  const shape = graph.int64Constant(`${layer.name}/shape`, [0, ...target], [target.length + 1]);
  graph.node('Reshape', [input.name, shape], [output.name], { name: `${layer.name}/Reshape` });
};
