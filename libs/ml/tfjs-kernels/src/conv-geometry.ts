import { backend_util, type Conv2DBackpropFilterAttrs } from '@tensorflow/tfjs';
import type { Pair } from './backend-ops';

export type Shape4 = [number, number, number, number];
type ConvAttrs = Pick<Conv2DBackpropFilterAttrs, 'strides' | 'pad' | 'dataFormat' | 'dimRoundingMode'>;

/** The forward convolution both gradients are taken of: NHWC, dilation 1. */
export interface ForwardConv {
  inShape: Shape4;
  filterShape: Shape4;
  outShape: Shape4;
  strides: Pair;
  /** Zeros added before the first row / column of x in the forward pass. */
  padBefore: Pair;
}

/**
 * Zeros the forward pass needs after the last row (column) for its last window, and how
 * many trailing rows it never reads; ceil rounding can need more than padInfo records.
 */
export function trailingPad(inSize: number, outSize: number, k: number, stride: number, padBefore: number): Pair {
  const needed = k + (outSize - 1) * stride - inSize - padBefore;
  return needed >= 0 ? [needed, 0] : [0, -needed];
}

export function forwardConv(inShape: Shape4, filterShape: Shape4, attrs: ConvAttrs): ForwardConv {
  if (attrs.dataFormat !== 'NHWC') throw new Error(`only NHWC is supported, got ${attrs.dataFormat}`);
  const info = backend_util.computeConv2DInfo(inShape, filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  return {
    inShape,
    filterShape,
    outShape: info.outShape as Shape4,
    strides: [info.strideHeight, info.strideWidth],
    padBefore: [info.padInfo.top, info.padInfo.left],
  };
}
