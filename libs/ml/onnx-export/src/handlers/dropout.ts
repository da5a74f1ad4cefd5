import { single } from './single';
import type { LayerHandler } from './types';

/** Dropout is the identity at inference; the Identity node is removed by a later pass. */
export const dropout: LayerHandler = (call) => {
  const { input, output } = single(call);
  call.graph.node('Identity', [input.name], [output.name], { name: `${call.layer.name}/Identity` });
};
