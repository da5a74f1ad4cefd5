import { emitActivation } from '../activations';
import { configString } from '../layer-config';
import { single } from './single';
import type { LayerHandler } from './types';

export const activation: LayerHandler = (call) => {
  const { input, output } = single(call);
  emitActivation(call.graph, call.layer, configString(call.layer, 'activation', 'linear'), input.name, output.name);
};
