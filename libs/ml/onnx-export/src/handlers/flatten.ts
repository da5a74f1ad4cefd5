import { configString } from '../layer-config';
import { single } from './single';
import type { LayerHandler } from './types';

/** Flattens all but the batch axis; channels-first input is first moved to channels-last, as tfjs does. */
export const flatten: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const rank = input.shape.length;
  let source = input.name;
  if (configString(layer, 'dataFormat', 'channelsLast') === 'channelsFirst' && rank > 2) {
    const perm = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
    source = graph.uniqueName(`${layer.name}/channels_last`);
    graph.node('Transpose', [input.name], [source], { name: `${layer.name}/Transpose`, attrs: { perm: { ints: perm } } });
  }
  graph.node('Flatten', [source], [output.name], { name: `${layer.name}/Flatten`, attrs: { axis: { int: 1 } } });
};
