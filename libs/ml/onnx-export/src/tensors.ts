import type { DataType } from '@tensorflow/tfjs';
import { onnx, type TensorProto, type ValueInfoProto } from './onnx-proto';

/** A dimension of a graph input/output: a fixed size or a symbolic name such as 'batch'. */
export type Dim = number | string;

const ElemType = onnx.TensorProto.DataType;

/**
 * ONNX element type for a tfjs dtype. tfjs has no int64, and ONNX consumers (Gather for
 * embeddings, transformers.js token ids) expect int64 ids, so int32 maps to INT64.
 */
export function onnxElemType(dtype: DataType, what: string): number {
  switch (dtype) {
    case 'float32':
      return ElemType.FLOAT;
    case 'int32':
      return ElemType.INT64;
    case 'bool':
      return ElemType.BOOL;
    default:
      throw new Error(`${what}: tfjs dtype '${dtype}' has no ONNX export mapping`);
  }
}

/** tfjs shape → ONNX dims: the leading null is the dynamic 'batch', other nulls get their own symbol. */
export function symbolicDims(tensorName: string, shape: readonly (number | null)[]): Dim[] {
  return shape.map((dim, i) => {
    if (dim != null) return dim;
    return i === 0 ? 'batch' : `${tensorName}_dim${i}`;
  });
}

export function valueInfo(name: string, elemType: number, dims: readonly Dim[]): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

// ONNX raw_data is little-endian whatever the host is, hence DataView rather than the array's buffer.
export function floatTensor(name: string, values: ArrayLike<number>, dims: readonly number[]): TensorProto {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] ?? 0, true);
  return { name, dataType: ElemType.FLOAT, dims: [...dims], rawData: new Uint8Array(view.buffer) };
}

export function int8Tensor(name: string, values: Int8Array, dims: readonly number[]): TensorProto {
  return { name, dataType: ElemType.INT8, dims: [...dims], rawData: new Uint8Array(values.buffer, values.byteOffset, values.length) };
}

export function int64Tensor(name: string, values: readonly number[], dims: readonly number[]): TensorProto {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name, dataType: ElemType.INT64, dims: [...dims], rawData: new Uint8Array(view.buffer) };
}
