import { dataFormat, describeLayer } from '../layer-config';
import { single } from './single';
import type { Layer, LayerHandler } from './types';

type Padding2d = [[number, number], [number, number]];

/**
 * ZeroPadding2D as ONNX Pad (constant mode; zero is its default value) on the tensor in the
 * layer's own layout, channels last or first.
 */
export const zeroPadding2d: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  const [[top, bottom], [left, right]] = padding2d(layer);
  // ONNX order: the begin of every axis, then the ends.
  const pads =
    dataFormat(layer) === 'channelsFirst' ? [0, 0, top, left, 0, 0, bottom, right] : [0, top, left, 0, 0, bottom, right, 0];
  const padsName = graph.int64Constant(`${layer.name}/pads`, pads, [pads.length]);
  graph.node('Pad', [input.name, padsName], [output.name], { name: `${layer.name}/Pad` });
};

/** tfjs normalizes every padding form to [[top, bottom], [left, right]] in the config. */
function padding2d(layer: Layer): Padding2d {
  const value = layer.getConfig()['padding'];
  const isPair = (pair: unknown) =>
    Array.isArray(pair) && pair.length === 2 && pair.every((p) => Number.isInteger(p) && (p as number) >= 0);
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isPair)) {
    throw new Error(`${describeLayer(layer)}: config 'padding' should be [[top, bottom], [left, right]], got ${JSON.stringify(value)}`);
  }
  return value as Padding2d;
}
