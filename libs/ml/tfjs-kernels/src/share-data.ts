import type { CastAttrs, KernelBackend, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/**
 * Identity that shares the input's (immutable, ref-counted) data, as the CPU backend does.
 * wasm's copies the buffer, and the engine runs Identity on every tensor it saves for the
 * backward pass — ~10 full activation copies per CNN step.
 */
export const shareData: KernelFunc = ({ inputs, backend }) => {
  const x = inputs['x'] as TensorInfo;
  (backend as KernelBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
};

/** Cast to the dtype a tensor already has shares its data; real conversions use `original`. */
export function makeCast(original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs['x'] as TensorInfo;
    return (args.attrs as unknown as CastAttrs).dtype === x.dtype ? shareData(args) : original(args);
  };
}
