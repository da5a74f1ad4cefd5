import type { GraphBuilder, NodeOptions } from './graph-builder';
import type { Layer } from './handlers/types';
import { describeLayer } from './layer-config';

type EmitActivation = (graph: GraphBuilder, input: string, output: string, prefix: string) => void;

const op =
  (opType: string, attrs?: NodeOptions['attrs']): EmitActivation =>
  (graph, input, output, prefix) =>
    graph.node(opType, [input], [output], { name: `${prefix}/${opType}`, attrs });

// Keyed by the names tfjs serializes into a layer's `activation` config. Constants below are
// tfjs's own definitions (activations.ts in tfjs-layers), so exported graphs match tfjs exactly.
const ACTIVATIONS: Record<string, EmitActivation> = {
  // Identity keeps the handler contract (write the given output name); a pass removes it.
  linear: op('Identity'),
  relu: op('Relu'),
  relu6: (graph, input, output, prefix) => {
    const min = graph.floatConstant('const/0', [0], []);
    const max = graph.floatConstant('const/6', [6], []);
    graph.node('Clip', [input, min, max], [output], { name: `${prefix}/Clip` });
  },
  elu: op('Elu', { alpha: { float: 1 } }),
  // ONNX Selu's default alpha/gamma are the same constants tfjs uses.
  selu: op('Selu'),
  sigmoid: op('Sigmoid'),
  hardSigmoid: op('HardSigmoid', { alpha: { float: 0.2 }, beta: { float: 0.5 } }),
  tanh: op('Tanh'),
  softmax: op('Softmax', { axis: { int: -1 } }),
  logSoftmax: op('LogSoftmax', { axis: { int: -1 } }),
  softplus: op('Softplus'),
  softsign: op('Softsign'),
  swish: (graph, input, output, prefix) => {
    const gate = graph.uniqueName(`${prefix}/sigmoid`);
    graph.node('Sigmoid', [input], [gate], { name: `${prefix}/Sigmoid` });
    graph.node('Mul', [input, gate], [output], { name: `${prefix}/Mul` });
  },
};

export const supportedActivations = Object.keys(ACTIVATIONS);

/** Emits `output = activation(input)` for `layer` (its name prefixes the nodes). */
export function emitActivation(
  graph: GraphBuilder,
  layer: Layer,
  activation: string,
  input: string,
  output: string,
): void {
  const emit = ACTIVATIONS[activation];
  if (!emit) {
    throw new Error(
      `${describeLayer(layer)}: activation '${activation}' is not supported by the ONNX exporter ` +
        `(supported: ${supportedActivations.join(', ')})`,
    );
  }
  emit(graph, input, output, layer.name);
}
