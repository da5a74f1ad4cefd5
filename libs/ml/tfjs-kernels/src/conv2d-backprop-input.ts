import type { Conv2DBackpropInputAttrs, KernelBackend, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { BackendOps } from './backend-ops';
import { forwardConv, type ForwardConv, type Shape4 } from './conv-geometry';
import { rotateFilter } from './rotate-filter';
import { computeWithArrays } from './typed-arrays';

/** XNNPACK computes output channels in blocks of 8: a conv producing fewer wastes the rest. */
const CHANNEL_BLOCK = 8;

/**
 * Conv2DBackpropInput through the backend's fast forward kernels. Each dy[n,i,j,co] flows
 * back to x[n, i·s+a-padTop, j·s+b-padLeft, ci] through w[a,b,ci,co].
 */
export function makeConv2DBackpropInput(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { inputShape, ...convAttrs } = attrs as unknown as Conv2DBackpropInputAttrs;
    const conv = forwardConv(inputShape, filter.shape as Shape4, convAttrs);
    const ops = new BackendOps(backend as KernelBackend, backendName);
    if (inputShape[3] < CHANNEL_BLOCK) return viaColumns(ops, backend as KernelBackend, dy, filter, conv);
    return viaTransposedConv(ops, backend as KernelBackend, dy, filter, conv);
  };
}

/**
 * Gathering the contributions per x position is a stride-1 convolution of dy dilated by s
 * (s-1 zeros between neighbours) and padded by k-1-padBefore, with the filter rotated by
 * 180° and its in/out channel axes swapped: [kh,kw,Co,Ci].
 */
function viaTransposedConv(
  ops: BackendOps,
  backend: KernelBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  conv: ForwardConv,
): TensorInfo {
  const [batch, inH, inW] = conv.inShape;
  const [kh, kw] = conv.filterShape;
  const rotated = rotateFilter(backend, filter);
  const dyDilated = dilate(ops, dy, conv.strides[0], conv.strides[1]);

  // Rows of the dilated dy beyond what the k-row window needs to produce inH outputs.
  const [dilH, dilW] = [dyDilated.shape[1] ?? 0, dyDilated.shape[2] ?? 0];
  const padTop = kh - 1 - conv.padBefore[0];
  const padLeft = kw - 1 - conv.padBefore[1];
  if (padTop < 0 || padLeft < 0) throw new Error('explicit padding larger than the kernel is not supported');
  const padBottom = inH + kh - 1 - padTop - dilH;
  const padRight = inW + kw - 1 - padLeft - dilW;

  let src = dyDilated;
  if (padBottom < 0 || padRight < 0) {
    const size = [batch, dilH + Math.min(padBottom, 0), dilW + Math.min(padRight, 0), conv.outShape[3]];
    src = ops.slice(dyDilated, [0, 0, 0, 0], size);
    ops.dispose(dyDilated);
  }
  const dx = ops.conv2d(src, rotated, [1, 1], [1, 1], [
    [padTop, Math.max(padBottom, 0)],
    [padLeft, Math.max(padRight, 0)],
  ]);
  ops.dispose(src, rotated);
  return dx;
}

/**
 * Inserts s-1 zeros after every dy row / column (so also after the last one; the caller's
 * bottom / right padding accounts for that) via reshape → pad → reshape.
 */
function dilate(ops: BackendOps, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  if (sh === 1 && sw === 1) return ops.reshape(dy, dy.shape);
  const [n, h, w, c] = dy.shape as Shape4;
  const split = ops.reshape(dy, [n, h, 1, w, 1, c]);
  const padded = ops.pad(split, [
    [0, 0],
    [0, 0],
    [0, sh - 1],
    [0, 0],
    [0, sw - 1],
    [0, 0],
  ]);
  ops.dispose(split);
  const dilated = ops.reshape(padded, [n, h * sh, w * sw, c]);
  ops.dispose(padded);
  return dilated;
}

/**
 * For few input channels (a first layer on grey or RGB images): columns = dy · Wᵀ as one
 * matrix product [N·Ho·Wo, Co] × [Co, kh·kw·Ci], then each column entry added onto the x
 * position it came from (col2im) in JS.
 */
function viaColumns(
  ops: BackendOps,
  backend: KernelBackend,
  dy: TensorInfo,
  filter: TensorInfo,
  conv: ForwardConv,
): TensorInfo {
  const [kh, kw, inChannels, outChannels] = conv.filterShape;
  const positions = dy.shape.slice(0, 3).reduce((a, b) => a * b, 1);
  const w2 = ops.reshape(filter, [kh * kw * inChannels, outChannels]);
  const wT = ops.transpose(w2, [1, 0]);
  const dy2 = ops.reshape(dy, [positions, outChannels]);
  const columns = ops.matMul(dy2, wT);
  ops.dispose(w2, wT, dy2);
  const dx = computeWithArrays(backend, [columns], conv.inShape, ([cols], out) =>
    addColumnsBack(cols as Float32Array, out, conv),
  );
  ops.dispose(columns);
  return dx;
}

function addColumnsBack(columns: Float32Array, dx: Float32Array, conv: ForwardConv): void {
  const [batch, inH, inW, inChannels] = conv.inShape;
  const [, outH, outW] = conv.outShape;
  const [kh, kw] = conv.filterShape;
  const [sh, sw] = conv.strides;
  const [padTop, padLeft] = conv.padBefore;
  let at = 0;
  for (let n = 0; n < batch; n++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        for (let a = 0; a < kh; a++) {
          const h = i * sh + a - padTop;
          for (let b = 0; b < kw; b++, at += inChannels) {
            const w = j * sw + b - padLeft;
            if (h < 0 || h >= inH || w < 0 || w >= inW) continue;
            const to = ((n * inH + h) * inW + w) * inChannels;
            for (let c = 0; c < inChannels; c++) dx[to + c] = (dx[to + c] as number) + (columns[at + c] as number);
          }
        }
      }
    }
  }
}
