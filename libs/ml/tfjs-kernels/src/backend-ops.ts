import { getKernel, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs';

export type Pair = [number, number];

/**
 * Calls one backend's own kernels directly, bypassing the engine: the inner steps of a
 * composite kernel must not be recorded on the gradient tape, and their intermediate
 * results are released through the backend (`dispose`) rather than the engine.
 */
export class BackendOps {
  constructor(
    private readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {}

  conv2d(x: TensorInfo, filter: TensorInfo, strides: Pair, dilations: Pair, pads: [Pair, Pair]): TensorInfo {
    const pad = [[0, 0], pads[0], pads[1], [0, 0]];
    return this.run('Conv2D', { x, filter }, { strides, dilations, pad, dataFormat: 'NHWC' });
  }

  /** A permutation that keeps the order of the non-unit axes moves no data: reshape instead. */
  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    const shape = perm.map((axis) => x.shape[axis] ?? 1);
    const movedAxes = perm.filter((axis) => (x.shape[axis] ?? 1) !== 1);
    const keepsOrder = movedAxes.every((axis, i) => i === 0 || axis > (movedAxes[i - 1] ?? -1));
    if (keepsOrder) return this.reshape(x, shape);
    return this.run('Transpose', { x }, { perm });
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  pad(x: TensorInfo, paddings: Pair[]): TensorInfo {
    return this.run('PadV2', { x }, { paddings, constantValue: 0 });
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    return this.run('Slice', { x }, { begin, size });
  }

  /** Average pooling, stride 1, no padding. */
  avgPool(x: TensorInfo, filterSize: Pair): TensorInfo {
    return this.run('AvgPool', { x }, { filterSize, strides: 1, pad: 'valid' });
  }

  /** a · b; wasm runs XNNPACK only for untransposed operands. */
  matMul(a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
  }

  constant(values: Float32Array, shape: number[]): TensorInfo {
    return { dataId: this.backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
  }

  fill(shape: number[], value: number): TensorInfo {
    return this.run('Fill', {}, { shape, value, dtype: 'float32' });
  }

  binary(kernelName: 'Add' | 'Sub' | 'Multiply', a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run(kernelName, { a, b }, {});
  }

  unary(kernelName: 'Rsqrt' | 'Neg', x: TensorInfo): TensorInfo {
    return this.run(kernelName, { x }, {});
  }

  dispose(...infos: TensorInfo[]): void {
    for (const info of infos) this.backend.disposeData(info.dataId);
  }

  private run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap): TensorInfo {
    const kernel = getKernel(kernelName, this.backendName);
    if (kernel === undefined) throw new Error(`${kernelName} is not registered for backend '${this.backendName}'`);
    return kernel.kernelFunc({ inputs, attrs, backend: this.backend }) as TensorInfo;
  }
}
