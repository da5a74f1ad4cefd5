import { configBoolean, describeLayer, normalizeAxis } from '../layer-config';
import type { Layer, LayerHandler, TensorInfo } from './types';

/**
 * tfjs Dot on two rank-3 tensors is a batched matrix product contracting one axis of each:
 * [N, a, b] · [N, c, d] → the remaining axes of x, then those of y. Transposing the contracted
 * axis of x last and that of y first makes it one ONNX MatMul. This is what weighted pooling over
 * steps needs: weights [N, W, 1] · features [N, W, C] on axes 1 → [N, 1, C].
 */
export const dot: LayerHandler = ({ layer, inputs, outputs, graph }) => {
  const [x, y] = inputs;
  const [output] = outputs;
  if (inputs.length !== 2 || !x || !y || !output) throw new Error(`${describeLayer(layer)}: expected 2 inputs and 1 output`);
  if (x.shape.length !== 3 || y.shape.length !== 3) {
    throw new Error(`${describeLayer(layer)}: only rank-3 inputs are supported, got ranks ${x.shape.length} and ${y.shape.length}`);
  }
  if (configBoolean(layer, 'normalize', false)) throw new Error(`${describeLayer(layer)}: normalize=true is not supported`);

  const [axisX, axisY] = dotAxes(layer);
  if (axisX === 0 || axisY === 0) throw new Error(`${describeLayer(layer)}: cannot contract the batch axis`);
  const left = axisX === 2 ? x.name : transposed(x, layer.name, 'x');
  const right = axisY === 1 ? y.name : transposed(y, layer.name, 'y');
  graph.node('MatMul', [left, right], [output.name], { name: `${layer.name}/MatMul` });

  function transposed(t: TensorInfo, prefix: string, which: string): string {
    const name = graph.uniqueName(`${prefix}/${which}_swapped`);
    graph.node('Transpose', [t.name], [name], { name: `${prefix}/Transpose`, attrs: { perm: { ints: [0, 2, 1] } } });
    return name;
  }
};

function dotAxes(layer: Layer): [number, number] {
  const axes: unknown = layer.getConfig()['axes'];
  const pair = typeof axes === 'number' ? [axes, axes] : axes;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((a) => Number.isInteger(a))) {
    throw new Error(`${describeLayer(layer)}: config 'axes' should be an integer or a pair, got ${JSON.stringify(axes)}`);
  }
  return [normalizeAxis(pair[0] as number, 3), normalizeAxis(pair[1] as number, 3)];
}
