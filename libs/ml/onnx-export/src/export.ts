import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs';
import { GraphBuilder } from './graph-builder';
import { declareInput } from './graph-inputs';
import { handlerFor } from './handlers/registry';
import type { TensorInfo } from './handlers/types';
import { layerCallsInOrder } from './layer-graph';
import { onnx } from './onnx-proto';
import { cancelTransposes } from './passes/cancel-transposes';
import { removeIdentities } from './passes/remove-identities';
import { onnxElemType, symbolicDims } from './tensors';

export interface ExportOptions {
  /** ONNX default-domain opset, 13–21 (default 17). */
  opset?: number;
  /** Graph input names in `model.inputs` order (default: the tfjs input layer names). */
  inputNames?: string[];
  /** Graph output names in `model.outputs` order (default: the producing layer names). */
  outputNames?: string[];
  /**
   * Declare rank-4 (image) inputs channels-first, [batch, C, H, W], as transformers.js image
   * processors feed `pixel_values`; the graph transposes them to the channels-last tfjs layout.
   * Other inputs and all outputs keep the tfjs layout. Default false.
   */
  channelsFirstInputs?: boolean;
  /**
   * Store Embedding tables as int8 with one float scale per row (symmetric, max |row| / 127): a
   * quarter of the bytes, each value within half a quantisation step of the float table. Text
   * models' vocabularies dominate their size; the rest of the graph stays float. Default false.
   */
  int8Embeddings?: boolean;
  producerName?: string;
  docString?: string;
}

export const DEFAULT_OPSET = 17;

// Lowest IR version each opset needs (onnx/docs/Versioning.md). 13 is the floor because
// Softmax took its per-axis meaning there; 21 is the newest opset the parity tests cover.
const IR_VERSION_BY_OPSET: Readonly<Record<number, number>> = {
  13: 7, 14: 7, 15: 8, 16: 8, 17: 8, 18: 8, 19: 9, 20: 9, 21: 10,
};

/** Converts a built tfjs layers model (Sequential or functional) to serialized ONNX ModelProto bytes. */
export function exportLayersModel(model: LayersModel, options: ExportOptions = {}): Uint8Array {
  const opset = options.opset ?? DEFAULT_OPSET;
  const irVersion = IR_VERSION_BY_OPSET[opset];
  if (irVersion === undefined) {
    throw new Error(`Unsupported opset ${opset}: the exporter targets opsets 13 to 21`);
  }
  if (model.inputs.length === 0 || model.outputs.length === 0) {
    throw new Error(`Model '${model.name}' has no inputs or outputs; give its first layer an inputShape`);
  }

  const graph = new GraphBuilder();
  const names = new Map<number, string>();
  const inputNames = claimNames(graph, model.inputs, options.inputNames, 'inputNames');
  const outputNames = claimNames(graph, model.outputs, options.outputNames, 'outputNames');
  model.inputs.forEach((t, i) => {
    names.set(t.id, declareInput(graph, inputNames[i] ?? '', t, options.channelsFirstInputs ?? false));
  });
  model.outputs.forEach((t, i) => {
    if (!names.has(t.id)) names.set(t.id, outputNames[i] ?? '');
  });

  const nameOf = (t: SymbolicTensor): string => {
    let name = names.get(t.id);
    if (name === undefined) {
      name = graph.uniqueName(defaultName(t));
      names.set(t.id, name);
    }
    return name;
  };
  const info = (t: SymbolicTensor): TensorInfo => ({ name: nameOf(t), shape: t.shape, dtype: t.dtype });

  for (const site of layerCallsInOrder(model.inputs, model.outputs)) {
    handlerFor(site.layer)({
      layer: site.layer,
      inputs: site.inputs.map(info),
      outputs: site.outputs.map(info),
      graph,
      int8Embeddings: options.int8Embeddings ?? false,
    });
  }

  model.outputs.forEach((t, i) => {
    const wanted = outputNames[i] ?? '';
    // A tensor that is also a graph input, or listed as two outputs, needs its own output name.
    if (nameOf(t) !== wanted) graph.node('Identity', [nameOf(t)], [wanted], { name: `${wanted}/Identity` });
    graph.addOutput(wanted, onnxElemType(t.dtype, `output '${wanted}'`), symbolicDims(wanted, t.shape));
  });

  const proto = {
    irVersion,
    opsetImport: [{ domain: '', version: opset }],
    producerName: options.producerName ?? '@dl-suite/onnx-export',
    ...(options.docString ? { docString: options.docString } : {}),
    graph: cancelTransposes(removeIdentities(graph.build(model.name))),
  };
  return onnx.ModelProto.encode(proto).finish();
}

function defaultName(t: SymbolicTensor): string {
  const layerName = t.sourceLayer.name;
  return t.tensorIndex > 0 ? `${layerName}_${t.tensorIndex}` : layerName;
}

/** User-given names are claimed exactly (a clash is an error); defaults are made unique. */
function claimNames(
  graph: GraphBuilder,
  tensors: readonly SymbolicTensor[],
  given: readonly string[] | undefined,
  option: string,
): string[] {
  if (given === undefined) return tensors.map((t) => graph.uniqueName(defaultName(t)));
  if (given.length !== tensors.length) {
    throw new Error(`${option} has ${given.length} names but the model has ${tensors.length}`);
  }
  return given.map((name) => graph.reserve(name));
}
