import { configNumber } from '../layer-config';
import { single } from './single';
import type { LayerHandler } from './types';

/** The ReLU layer: Relu, or Clip(0, maxValue) when the layer caps its output. */
export const relu: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  if (layer.getConfig()['maxValue'] == null) {
    graph.node('Relu', [input.name], [output.name], { name: `${layer.name}/Relu` });
    return;
  }
  const maxValue = configNumber(layer, 'maxValue', 0);
  const min = graph.floatConstant('const/0', [0], []);
  const max = graph.floatConstant(`const/${maxValue}`, [maxValue], []);
  graph.node('Clip', [input.name, min, max], [output.name], { name: `${layer.name}/Clip` });
};
