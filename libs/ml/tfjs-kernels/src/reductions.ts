import { util, type KernelBackend, type KernelFunc, type SumAttrs, type TensorInfo } from '@tensorflow/tfjs';
import { BackendOps } from './backend-ops';

/**
 * Sum / Mean over a run of consecutive axes before the last — a BN layer's per-channel
 * statistics (NHWC over N,H,W), global average pooling (over H,W) — as one XNNPACK average
 * pooling of x viewed as [before, reduced, 1, after] with an [reduced, 1] window. wasm's
 * own reduction first transposes the reduced axes innermost: 0.5 ms instead of 24 ms for
 * 64×28×28×32 → 32. Other reductions use `original`.
 */
export function makeAxisRunReduction(kind: 'Sum' | 'Mean', backendName: string, original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs['x'] as TensorInfo;
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    const axes = util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
    const first = axes[0] ?? 0;
    const isRun = axes.length > 0 && axes.every((a, i) => a === first + i);
    const last = first + axes.length - 1;
    if (x.dtype !== 'float32' || !isRun || last >= x.shape.length - 1 || util.sizeFromShape(x.shape) === 0) {
      return original(args);
    }

    const ops = new BackendOps(args.backend as KernelBackend, backendName);
    const before = util.sizeFromShape(x.shape.slice(0, first));
    const reduced = util.sizeFromShape(x.shape.slice(first, last + 1));
    const after = util.sizeFromShape(x.shape.slice(last + 1));
    const view = ops.reshape(x, [before, reduced, 1, after]);
    let result = ops.avgPool(view, [reduced, 1]);
    ops.dispose(view);
    if (kind === 'Sum') {
      const count = ops.fill([1], reduced);
      const sum = ops.binary('Multiply', result, count);
      ops.dispose(count, result);
      result = sum;
    }
    const outShape = x.shape.flatMap((size, i) => (i < first || i > last ? [size] : keepDims ? [1] : []));
    const out = ops.reshape(result, outShape);
    ops.dispose(result);
    return out;
  };
}
