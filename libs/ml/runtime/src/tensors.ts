import * as ort from 'onnxruntime-node';

/** Input arrays callers may pass; the array type decides the ONNX element type. */
export type InputData = Float32Array | BigInt64Array | Int32Array;
export type InputDtype = 'float32' | 'int64' | 'int32';

export interface InputTensor {
  readonly data: InputData;
  readonly dims: readonly number[];
}

/** Output arrays as onnxruntime returns them for CPU tensors, without its types. */
export type OutputData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | string[];

export interface OutputTensor {
  readonly data: OutputData;
  readonly dims: number[];
}

export function toOrtTensor(name: string, tensor: InputTensor): ort.Tensor {
  const size = tensor.dims.reduce((a, b) => a * b, 1);
  if (tensor.data.length !== size) {
    throw new Error(`Input '${name}': ${tensor.data.length} values do not fill dims [${tensor.dims.join(', ')}] (${size})`);
  }
  return new ort.Tensor(dtypeOf(tensor.data), tensor.data, tensor.dims);
}

export function fromOrtTensor(tensor: ort.Tensor): OutputTensor {
  return { data: tensor.data as OutputData, dims: [...tensor.dims] };
}

export function zeros(dtype: InputDtype, dims: readonly number[]): InputTensor {
  const size = dims.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' ? new Float32Array(size) : dtype === 'int64' ? new BigInt64Array(size) : new Int32Array(size);
  return { data, dims };
}

function dtypeOf(data: InputData): InputDtype {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof BigInt64Array) return 'int64';
  return 'int32';
}
