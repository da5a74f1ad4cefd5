import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLayersModel, type ExportOptions } from './export';
import { UnsupportedLayerError } from './handlers/registry';
import { onnx } from './onnx-proto';
import { buildMlp, buildSmallCnn } from './test-support/models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function decode(model: tf.LayersModel, options?: ExportOptions) {
  const bytes = exportLayersModel(model, options);
  return onnx.ModelProto.toObject(onnx.ModelProto.decode(bytes), { longs: Number, defaults: true });
}

type Dim = { dimValue?: number; dimParam?: string };
const dims = (info: { type: { tensorType: { shape: { dim: Dim[] } } } }) =>
  info.type.tensorType.shape.dim.map((d) => (d.dimParam ? d.dimParam : d.dimValue));

/** A layer class tfjs knows but the exporter never will. */
class MysteryLayer extends tf.layers.Layer {
  static readonly className = 'MysteryLayer';
}

describe('exportLayersModel', () => {
  it('declares a symbolic batch dimension and float32 tensors', () => {
    const proto = decode(buildMlp(), { inputNames: ['features'], outputNames: ['probabilities'] });
    const [input] = proto.graph.input;
    const [output] = proto.graph.output;
    expect(input.name).toBe('features');
    expect(dims(input)).toEqual(['batch', 8]);
    expect(input.type.tensorType.elemType).toBe(onnx.TensorProto.DataType.FLOAT);
    expect(output.name).toBe('probabilities');
    expect(dims(output)).toEqual(['batch', 3]);
  });

  it('records opset, IR version, producer and doc string', () => {
    const proto = decode(buildMlp(), { opset: 13, producerName: 'fraud-train', docString: 'fraud MLP' });
    expect(proto.opsetImport).toEqual([expect.objectContaining({ domain: '', version: 13 })]);
    expect(proto.irVersion).toBe(7);
    expect(proto.producerName).toBe('fraud-train');
    expect(proto.docString).toBe('fraud MLP');
    expect(decode(buildMlp()).opsetImport[0].version).toBe(17);
  });

  it('leaves no Identity nodes for Dropout or linear activations', () => {
    const ops = decode(buildMlp()).graph.node.map((n: { opType: string }) => n.opType);
    expect(ops).not.toContain('Identity');
    expect(ops).toEqual(expect.arrayContaining(['MatMul', 'Add', 'Mul', 'Relu', 'Tanh', 'Sigmoid', 'Softmax']));
  });

  it('stores a shared layer’s weights once', () => {
    const a = tf.input({ shape: [4] });
    const b = tf.input({ shape: [4] });
    const shared = tf.layers.dense({ units: 2 });
    const sum = tf.layers.add().apply([shared.apply(a), shared.apply(b)] as tf.SymbolicTensor[]);
    const proto = decode(tf.model({ inputs: [a, b], outputs: sum as tf.SymbolicTensor }));
    expect(proto.graph.initializer).toHaveLength(2);
    expect(proto.graph.node.filter((n: { opType: string }) => n.opType === 'MatMul')).toHaveLength(2);
  });

  it('maps an int32 input to an int64 graph input (token ids)', () => {
    const ids = tf.input({ shape: [5], dtype: 'int32', name: 'ids' });
    const reshaped = tf.layers.reshape({ targetShape: [5, 1] }).apply(ids) as tf.SymbolicTensor;
    const proto = decode(tf.model({ inputs: ids, outputs: reshaped }));
    expect(proto.graph.input[0].name).toBe('ids');
    expect(proto.graph.input[0].type.tensorType.elemType).toBe(onnx.TensorProto.DataType.INT64);
  });

  it('keeps a CNN lean: the Transposes between a pooling and the next Conv cancel', () => {
    const ops = decode(buildSmallCnn()).graph.node.map((n: { opType: string }) => n.opType);
    // BatchNormalization and ReLU run channels-last between each Conv and its pooling, so those
    // Transposes stay (onnxruntime's own optimizer folds them away at load time).
    expect(ops.slice(0, 9)).toEqual(['Transpose', 'Conv', 'Transpose', 'Mul', 'Add', 'Relu', 'Transpose', 'MaxPool', 'Conv']);
    expect(ops.filter((op: string) => op === 'Transpose')).toHaveLength(7);
  });

  it('channelsFirstInputs declares rank-4 inputs NCHW and cancels the first Conv’s Transpose', () => {
    const proto = decode(buildSmallCnn([20, 16, 3]), { channelsFirstInputs: true, inputNames: ['pixel_values'] });
    expect(proto.graph.input[0].name).toBe('pixel_values');
    expect(dims(proto.graph.input[0])).toEqual(['batch', 3, 20, 16]);
    expect(proto.graph.node[0]).toEqual(expect.objectContaining({ opType: 'Conv', input: ['pixel_values', expect.any(String)] }));
    expect(proto.graph.node.filter((n: { opType: string }) => n.opType === 'Transpose')).toHaveLength(6);

    const image = tf.input({ shape: [null, null, 3], name: 'image' });
    const features = tf.input({ shape: [4], name: 'features' });
    const pooled = tf.layers.globalAveragePooling2d({}).apply(image) as tf.SymbolicTensor;
    const merged = tf.layers.concatenate().apply([pooled, features]) as tf.SymbolicTensor;
    const mixed = decode(tf.model({ inputs: [image, features], outputs: merged }), { channelsFirstInputs: true });
    expect(mixed.graph.input.map(dims)).toEqual([['batch', 3, 'image_dim2', 'image_dim3'], ['batch', 4]]);
  });

  it('passes a model input straight through to an output', () => {
    const x = tf.input({ shape: [3], name: 'x' });
    const proto = decode(tf.model({ inputs: x, outputs: x }), { outputNames: ['y'] });
    expect(proto.graph.node).toEqual([expect.objectContaining({ opType: 'Identity', input: ['x'], output: ['y'] })]);
  });
});

describe('exportLayersModel errors', () => {
  it('names the class and the layer it cannot convert', () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 3, inputShape: [2] }));
    model.add(new MysteryLayer({ name: 'mystery_1' }));
    expect(() => exportLayersModel(model)).toThrow(UnsupportedLayerError);
    expect(() => exportLayersModel(model)).toThrow(/MysteryLayer layer 'mystery_1'.*supported: InputLayer, Dense/);
  });

  it('names the layer with an unsupported activation', () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 3, inputShape: [2], activation: 'mish', name: 'hidden' }));
    expect(() => exportLayersModel(model)).toThrow(/Dense layer 'hidden': activation 'mish' is not supported/);
  });

  it('refuses batch normalization over a non-last axis', () => {
    const model = tf.sequential();
    model.add(tf.layers.batchNormalization({ axis: 1, inputShape: [4, 3], name: 'bn' }));
    expect(() => exportLayersModel(model)).toThrow(/BatchNormalization layer 'bn': only the last axis/);
  });

  it('validates opset and names', () => {
    const model = buildMlp();
    expect(() => exportLayersModel(model, { opset: 12 })).toThrow(/opset 12/);
    expect(() => exportLayersModel(model, { inputNames: ['a', 'b'] })).toThrow(/inputNames has 2 names but the model has 1/);
    expect(() => exportLayersModel(model, { inputNames: ['x'], outputNames: ['x'] })).toThrow(/'x' is used twice/);
  });

  it('refuses a Sequential model with no layers', () => {
    expect(() => exportLayersModel(tf.sequential({ name: 'empty' }))).toThrow(/'empty' has no inputs or outputs/);
  });
});
