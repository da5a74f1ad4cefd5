import type { DataType, KernelBackend, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export type Values = Float32Array | Int32Array | Uint8Array;

/**
 * Runs a plain-JS kernel body over the backend's data without copying it: on wasm the
 * arrays are views of the wasm heap, on the CPU backend its own arrays. `out` starts zeroed.
 */
export function computeWithArrays(
  backend: KernelBackend,
  inputs: TensorInfo[],
  outShape: number[],
  body: (inputs: Values[], out: Float32Array) => void,
): TensorInfo {
  const dtype: DataType = 'float32';
  if (isWasm(backend)) {
    // Allocate first: growing the heap detaches views taken before.
    const out = backend.makeOutput(outShape, dtype);
    const outValues = backend.typedArrayFromHeap(out) as Float32Array;
    outValues.fill(0);
    body(
      inputs.map((t) => backend.typedArrayFromHeap(t) as Values),
      outValues,
    );
    return out;
  }
  const outValues = new Float32Array(outShape.reduce((a, b) => a * b, 1));
  body(
    inputs.map((t) => backend.readSync(t.dataId) as Values),
    outValues,
  );
  return { dataId: backend.write(outValues, outShape, dtype), shape: outShape, dtype };
}

function isWasm(backend: KernelBackend): backend is BackendWasm {
  return 'typedArrayFromHeap' in backend;
}
