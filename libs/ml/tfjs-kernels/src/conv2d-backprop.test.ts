import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { maxRelativeDiff, runKernel, seededValues } from './testing/compare';
import { referenceThenFastKernels } from './testing/reference';

type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;
interface Case {
  name: string;
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: number;
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

// Shapes chosen to reach every code path: patches (kh·kw·Ci < Co) vs swapped-axes filter
// gradients, column (Ci < 8) vs transposed-conv input gradients, odd / even sizes, and
// strides whose windows do not reach the last rows.
const shapes: { x: Case['xShape']; outChannels: number }[] = [
  { x: [1, 7, 7, 1], outChannels: 16 },
  { x: [3, 8, 6, 3], outChannels: 8 },
  { x: [3, 9, 10, 8], outChannels: 4 },
  { x: [1, 12, 11, 16], outChannels: 8 },
];
const cases: Case[] = [];
for (const { x, outChannels } of shapes) {
  for (const k of [1, 3, 5]) {
    for (const strides of [1, 2]) {
      for (const pad of ['same', 'valid'] as const) {
        const name = `x ${x.join('×')} k${k} → ${outChannels} s${strides} ${pad}`;
        cases.push({ name, xShape: x, filterShape: [k, k, x[3], outChannels], strides, pad });
      }
    }
  }
}
const explicit = (top: number, bottom: number, left: number, right: number): Pad => [
  [0, 0],
  [top, bottom],
  [left, right],
  [0, 0],
];
const extra = (name: string, x: Case['xShape'], filter: Case['filterShape'], strides: number, pad: Pad): Case => ({
  name,
  xShape: x,
  filterShape: filter,
  strides,
  pad,
});
cases.push(
  extra('explicit pads', [2, 9, 8, 3], [3, 3, 3, 12], 2, explicit(1, 2, 0, 1)),
  extra('explicit pads, 9 channels', [2, 6, 7, 9], [3, 2, 9, 10], 1, explicit(2, 0, 1, 1)),
  // Ceil rounding makes the last window hang over more padding than padInfo records.
  { ...extra('pad 1, ceil rounding', [2, 8, 9, 1], [3, 3, 1, 16], 2, 1), dimRoundingMode: 'ceil' },
  { ...extra('pad 1, ceil rounding, 8 channels', [2, 8, 9, 8], [3, 3, 8, 4], 2, 1), dimRoundingMode: 'ceil' },
);

interface Grads {
  filter: Float32Array;
  input: Float32Array;
}

function tensorsFor(c: Case, index: number): { x: tf.Tensor4D; dy: tf.Tensor4D; filter: tf.Tensor4D } {
  const x = tf.tensor4d(seededValues(tf.util.sizeFromShape(c.xShape), 2 * index + 1), c.xShape);
  const filter = tf.tensor4d(seededValues(tf.util.sizeFromShape(c.filterShape), 2 * index + 2), c.filterShape);
  const info = tf.backend_util.computeConv2DInfo(c.xShape, c.filterShape, c.strides, 1, c.pad, c.dimRoundingMode);
  const outShape = info.outShape as [number, number, number, number];
  const dy = tf.tensor4d(seededValues(tf.util.sizeFromShape(outShape), 1000 + index), outShape);
  return { x, dy, filter };
}

function gradients(c: Case, index: number): Grads {
  return tf.tidy(() => {
    const { x, dy, filter } = tensorsFor(c, index);
    const common = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode, dataFormat: 'NHWC' };
    return {
      filter: runKernel(tf.Conv2DBackpropFilter, { x, dy }, { ...common, filterShape: c.filterShape }),
      input: runKernel(tf.Conv2DBackpropInput, { dy, filter }, { ...common, inputShape: c.xShape }),
    };
  });
}

describe('Conv2DBackpropFilter / Conv2DBackpropInput against the CPU reference kernels', () => {
  const reference = referenceThenFastKernels(() => cases.map((c, i) => gradients(c, i)));

  for (const backend of ['wasm', 'cpu'] as const) {
    it.each(cases.map((c, i) => [c.name, c, i] as const))(`${backend}: %s`, async (_, c, i) => {
      await tf.setBackend(backend);
      const got = gradients(c, i);
      const want = reference[i] as Grads;
      expect(maxRelativeDiff(got.filter, want.filter)).toBeLessThanOrEqual(1e-4);
      expect(maxRelativeDiff(got.input, want.input)).toBeLessThanOrEqual(1e-4);
    });
  }

  it('leaves no intermediate tensors behind', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const dataIdsBefore = tf.backend().numDataIds();
    cases.forEach((c, i) => gradients(c, i));
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.backend().numDataIds()).toBe(dataIdsBefore);
  });
});
