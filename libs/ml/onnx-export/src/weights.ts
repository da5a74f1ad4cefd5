import type { GraphBuilder } from './graph-builder';
import type { Layer } from './handlers/types';
import { describeLayer } from './layer-config';

export interface WeightValues {
  readonly values: Float32Array;
  readonly shape: readonly number[];
}

/**
 * A layer's weights keyed by their short name ('kernel', 'gamma', 'moving_mean'…). Matching
 * by name rather than position keeps handlers right when optional weights (bias, beta) are absent.
 */
export function layerWeights(layer: Layer): Map<string, WeightValues> {
  const tensors = layer.getWeights();
  const byName = new Map<string, WeightValues>();
  layer.weights.forEach((variable, i) => {
    const tensor = tensors[i];
    if (!tensor) return;
    const fullName = variable.originalName ?? variable.name;
    const shortName = fullName.slice(fullName.lastIndexOf('/') + 1);
    byName.set(shortName, { values: Float32Array.from(tensor.dataSync()), shape: tensor.shape });
  });
  return byName;
}

export function requireWeight(weights: Map<string, WeightValues>, layer: Layer, name: string): WeightValues {
  const weight = weights.get(name);
  if (!weight) {
    throw new Error(`${describeLayer(layer)}: weight '${name}' not found (has: ${[...weights.keys()].join(', ')})`);
  }
  return weight;
}

/** Adds a weight as an initializer named after the layer, once per layer. */
export function weightInitializer(
  graph: GraphBuilder,
  layer: Layer,
  weights: Map<string, WeightValues>,
  name: string,
): string {
  const weight = requireWeight(weights, layer, name);
  return graph.floatConstant(`${layer.name}/${name}`, weight.values, weight.shape);
}

/**
 * The weight with its axes reordered, as an ONNX Transpose would: output axis i is input axis
 * perm[i]. Kernels are reordered once at export time so the graph needs no Transpose on weights.
 */
export function permuteAxes(weight: WeightValues, perm: readonly number[]): WeightValues {
  const shape = perm.map((axis) => weight.shape[axis] ?? 1);
  const sourceStrides = weight.shape.map((_, axis) => weight.shape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const strides = perm.map((axis) => sourceStrides[axis] ?? 0);
  const values = new Float32Array(weight.values.length);
  const index = Array<number>(shape.length).fill(0);
  for (let out = 0; out < values.length; out++) {
    values[out] = weight.values[index.reduce((offset, i, axis) => offset + i * (strides[axis] ?? 0), 0)] ?? 0;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = (index[axis] ?? 0) + 1;
      if ((index[axis] ?? 0) < (shape[axis] ?? 1)) break;
      index[axis] = 0;
    }
  }
  return { values, shape };
}
