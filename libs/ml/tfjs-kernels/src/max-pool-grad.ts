import { backend_util } from '@tensorflow/tfjs';
import type { KernelBackend, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs';
import type { Shape4 } from './conv-geometry';
import { computeWithArrays, type Values } from './typed-arrays';

/**
 * MaxPoolGrad as one pass of plain JS over typed arrays: each dy value goes to the first
 * maximum of its window (same tie rule as tfjs' CPU kernel). Walking channels innermost
 * keeps every read and write contiguous, which beats wasm's native loop by ~10x even
 * working directly on the wasm heap.
 */
export const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = backend_util.computePool2DInfo(input.shape as Shape4, filterSize, strides, 1, pad, dimRoundingMode);
  return computeWithArrays(backend as KernelBackend, [input, dy], input.shape, ([x, g], dx) =>
    scatterToMaxima(x as Values, g as Values, dx, info),
  );
};

function scatterToMaxima(x: Values, dy: Values, dx: Float32Array, info: backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  const best = new Float64Array(c);
  const bestAt = new Int32Array(c);
  let dyAt = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = Math.max(0, oh * strideHeight - top);
      const h1 = Math.min(inHeight, oh * strideHeight - top + filterHeight);
      for (let ow = 0; ow < outWidth; ow++, dyAt += c) {
        const w0 = Math.max(0, ow * strideWidth - left);
        const w1 = Math.min(inWidth, ow * strideWidth - left + filterWidth);
        best.fill(-Infinity);
        bestAt.fill(-1);
        for (let h = h0; h < h1; h++) {
          for (let w = w0; w < w1; w++) {
            const base = ((b * inHeight + h) * inWidth + w) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch] as number;
              if (v > (best[ch] as number)) {
                best[ch] = v;
                bestAt[ch] = base + ch;
              }
            }
          }
        }
        for (let ch = 0; ch < c; ch++) {
          const at = bestAt[ch] as number;
          if (at >= 0) dx[at] = (dx[at] as number) + (dy[dyAt + ch] as number);
        }
      }
    }
  }
}
