import { util, type KernelBackend, type KernelFunc, type TensorInfo, type UnsortedSegmentSumAttrs } from '@tensorflow/tfjs';
import { computeWithArrays, type Values } from './typed-arrays';

/**
 * UnsortedSegmentSum as one scatter-add pass: row i of x (x viewed as [segmentIds.size, inner])
 * is added to row segmentIds[i] of the output. It is the gradient of Gather, i.e. of every
 * Embedding layer. tfjs' CPU kernel instead builds a mask and a full product per segment —
 * O(numSegments × x.size), ~55 s per step for a 1k-word vocabulary — and wasm has no kernel at all.
 * Ids outside [0, numSegments) contribute nothing, as in the CPU kernel. Output is float32, as there.
 */
export const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
  const rows = util.sizeFromShape(segmentIds.shape);
  const innerShape = x.shape.slice(segmentIds.shape.length);
  const inner = util.sizeFromShape(innerShape);
  return computeWithArrays(backend as KernelBackend, [x, segmentIds], [numSegments, ...innerShape], ([values, ids], out) =>
    scatterAddRows(values as Values, ids as Values, out, rows, inner, numSegments),
  );
};

function scatterAddRows(x: Values, ids: Values, out: Float32Array, rows: number, inner: number, segments: number): void {
  for (let row = 0; row < rows; row++) {
    const id = ids[row] as number;
    if (id < 0 || id >= segments) continue;
    const from = row * inner;
    const to = id * inner;
    for (let k = 0; k < inner; k++) out[to + k] = (out[to + k] as number) + (x[from + k] as number);
  }
}
