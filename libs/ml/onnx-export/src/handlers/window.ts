import { configDims, configString, describeLayer } from '../layer-config';
import type { Layer } from './types';

/** A sliding window over the spatial axes, one entry per axis (H, W for 2-D layers). */
export interface Window {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
}

/**
 * A window option (kernelSize, strides, dilationRate, poolSize) as one positive integer per
 * spatial axis. tfjs stores either one number for every axis or a list with one per axis.
 */
export function configWindow(layer: Layer, key: string, spatialRank: number): number[] {
  const value = layer.getConfig()[key];
  const list = typeof value === 'number' ? Array<number | null>(spatialRank).fill(value) : configDims(layer, key);
  if (list.length !== spatialRank || !list.every((v) => v != null && Number.isInteger(v) && v > 0)) {
    throw new Error(
      `${describeLayer(layer)}: config '${key}' should be ${spatialRank} positive integer(s), got ${JSON.stringify(value)}`,
    );
  }
  return list as number[];
}

/**
 * ONNX `pads` (all begins, then all ends) that reproduce the layer's tfjs `padding` for inputs
 * with these spatial sizes. Explicit pads rather than `auto_pad`, which would need string attributes.
 *
 * 'same' pads like TF: total = max(0, span − r), where span is the dilated kernel extent and
 * r = size − (ceil(size / stride) − 1) · stride ∈ [1, stride]; the odd cell goes at the end.
 * r, and so the pads, depend on the size unless stride is 1 (or span is 1), so a dynamic size is
 * refused in that case rather than approximated.
 */
export function windowPads(layer: Layer, sizes: readonly (number | null)[], window: Window): number[] {
  const padding = configString(layer, 'padding', 'valid');
  if (padding === 'valid') return Array<number>(sizes.length * 2).fill(0);
  if (padding !== 'same') throw new Error(`${describeLayer(layer)}: padding '${padding}' is not supported`);

  const begins: number[] = [];
  const ends: number[] = [];
  sizes.forEach((size, axis) => {
    const stride = window.strides[axis] ?? 1;
    const span = ((window.kernel[axis] ?? 1) - 1) * (window.dilations[axis] ?? 1) + 1;
    let remainder = 1;
    if (size != null) remainder = size - (Math.ceil(size / stride) - 1) * stride;
    else if (stride > 1 && span > 1) {
      throw new Error(
        `${describeLayer(layer)}: padding 'same' with strides ${stride} needs a fixed input size, but spatial ` +
          `axis ${axis} is dynamic (the pads depend on the size); give the input a static shape`,
      );
    }
    const total = Math.max(0, span - remainder);
    begins.push(Math.floor(total / 2));
    ends.push(total - Math.floor(total / 2));
  });
  return [...begins, ...ends];
}
