import { configBoolean, describeLayer } from '../layer-config';
import { onnx } from '../onnx-proto';
import type { GraphBuilder } from '../graph-builder';
import { layerWeights, requireWeight, weightInitializer, type WeightValues } from '../weights';
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
  let ids = input.name;
  if (input.dtype === 'float32') {
    ids = graph.uniqueName(`${layer.name}/ids`);
    graph.node('Cast', [input.name], [ids], {
      name: `${layer.name}/Cast`,
      attrs: { to: { int: onnx.TensorProto.DataType.INT64 } },
    });
  }
  const gather = (table: string, out: string, what: string) =>
    graph.node('Gather', [table, ids], [out], { name: `${layer.name}/${what}`, attrs: { axis: { int: 0 } } });
  if (!call.int8Embeddings) {
    gather(weightInitializer(graph, layer, layerWeights(layer), 'embeddings'), output.name, 'Gather');
    return;
  }
  // rows = Cast(q[ids]) * scale[ids]: gathering before dequantising keeps the work per token.
  const { quantized, scales } = int8Rows(graph, layer.name, requireWeight(layerWeights(layer), layer, 'embeddings'));
  const [rowsInt8, rows, rowScales] = ['rows_int8', 'rows', 'row_scales'].map((n) => graph.uniqueName(`${layer.name}/${n}`)) as [string, string, string];
  gather(quantized, rowsInt8, 'GatherInt8');
  graph.node('Cast', [rowsInt8], [rows], { name: `${layer.name}/Dequantize`, attrs: { to: { int: onnx.TensorProto.DataType.FLOAT } } });
  gather(scales, rowScales, 'GatherScale');
  graph.node('Mul', [rows, rowScales], [output.name], { name: `${layer.name}/Scale` });
};

/** The [vocab, dim] table as int8 rows and a [vocab, 1] scale per row. */
function int8Rows(graph: GraphBuilder, layerName: string, table: WeightValues): { quantized: string; scales: string } {
  const [vocab = 0, dim = 0] = table.shape;
  const quantized = new Int8Array(vocab * dim);
  const scales = new Float32Array(vocab);
  for (let r = 0; r < vocab; r++) {
    const row = table.values.subarray(r * dim, (r + 1) * dim);
    const scale = row.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / 127;
    scales[r] = scale;
    if (scale > 0) row.forEach((v, c) => (quantized[r * dim + c] = Math.round(v / scale)));
  }
  return {
    quantized: graph.int8Constant(`${layerName}/embeddings_int8`, quantized, [vocab, dim]),
    scales: graph.floatConstant(`${layerName}/embeddings_scale`, scales, [vocab, 1]),
  };
}
