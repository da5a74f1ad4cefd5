import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graph-builder';
import { onnx } from './onnx-proto';

describe('GraphBuilder', () => {
  it('hands out unique tensor names and refuses a reserved one twice', () => {
    const graph = new GraphBuilder();
    expect(graph.reserve('x')).toBe('x');
    expect(graph.uniqueName('x')).toBe('x_1');
    expect(graph.uniqueName('x')).toBe('x_2');
    expect(() => graph.reserve('x_1')).toThrow(/'x_1' is used twice/);
  });

  it('caches constants by key and stores them little-endian', () => {
    const graph = new GraphBuilder();
    const a = graph.floatConstant('dense/kernel', [1.5, -2], [2]);
    expect(graph.floatConstant('dense/kernel', [9, 9], [2])).toBe(a);
    const shape = graph.int64Constant('reshape/shape', [0, -1], [2]);
    const [floats, ints] = graph.build('g').initializer ?? [];

    expect(floats?.name).toBe(a);
    const floatView = new DataView(floats!.rawData!.buffer, floats!.rawData!.byteOffset);
    expect([floatView.getFloat32(0, true), floatView.getFloat32(4, true)]).toEqual([1.5, -2]);
    expect(ints?.name).toBe(shape);
    expect(ints?.dataType).toBe(onnx.TensorProto.DataType.INT64);
    const intView = new DataView(ints!.rawData!.buffer, ints!.rawData!.byteOffset);
    expect([intView.getBigInt64(0, true), intView.getBigInt64(8, true)]).toEqual([0n, -1n]);
  });

  it('builds nodes with unique names and typed attributes', () => {
    const graph = new GraphBuilder();
    graph.node('Softmax', ['a'], ['b'], { attrs: { axis: { int: -1 } } });
    graph.node('Softmax', ['b'], ['c']);
    const nodes = graph.build('g').node ?? [];
    expect(nodes.map((n) => n.name)).toEqual(['Softmax', 'Softmax_1']);
    expect(nodes[0]?.attribute).toEqual([{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 }]);
    expect(nodes[1]?.attribute).toBeUndefined();
  });
});
