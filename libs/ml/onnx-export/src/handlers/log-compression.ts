import { configNumber, describeLayer } from '../layer-config';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * `LogCompression`, the custom layer that ends a log-mel front end (`@dl-suite/speech-domain`):
 * y = ln(x + offset) → Add(offset) + Log. tfjs has no built-in log layer, so a domain declares its
 * own class with this name and an `offset` config.
 */
export const logCompression: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const offset = configNumber(layer, 'offset', Number.NaN);
  if (!(offset >= 0)) throw new Error(`${describeLayer(layer)}: config 'offset' should be a number ≥ 0, got ${offset}`);
  const shifted = graph.uniqueName(`${layer.name}/shifted`);
  graph.node('Add', [input.name, graph.floatConstant(`${layer.name}/offset`, [offset], [])], [shifted], { name: `${layer.name}/Add` });
  graph.node('Log', [shifted], [output.name], { name: `${layer.name}/Log` });
};
