import { configBoolean, describeLayer } from '../layer-config';
import { onnx } from '../onnx-proto';
import { layerWeights, weightInitializer } from '../weights';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * Embedding lookup = Gather of rows of the [vocab, dim] table. Integer ids arrive as int64 (the
 * exporter maps tfjs int32 inputs to INT64, as transformers.js feeds them); float ids, which a
 * Sequential model without an explicit int32 input has, are cast first — tfjs truncates them too.
 */
export const embedding: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  // A mask from maskZero only changes layers that consume masks (RNNs), which tfjs applies and an
  // exported graph would silently not; masking for export goes through an explicit mask input.
  if (configBoolean(layer, 'maskZero', false)) {
    throw new Error(
      `${describeLayer(layer)}: maskZero is not exportable; feed an attention_mask input and mask explicitly (see README)`,
    );
  }
  const table = weightInitializer(graph, layer, layerWeights(layer), 'embeddings');

  let ids = input.name;
  if (input.dtype === 'float32') {
    ids = graph.uniqueName(`${layer.name}/ids`);
    graph.node('Cast', [input.name], [ids], {
      name: `${layer.name}/Cast`,
      attrs: { to: { int: onnx.TensorProto.DataType.INT64 } },
    });
  }
  graph.node('Gather', [table, ids], [output.name], { name: `${layer.name}/Gather`, attrs: { axis: { int: 0 } } });
};
