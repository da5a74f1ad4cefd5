import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';
import { expectAllClose, runKernel, seededValues } from './testing/compare';
import { referenceThenFastKernels } from './testing/reference';

interface SegmentCase {
  name: string;
  xShape: number[];
  ids: number[];
  idsShape: number[];
  numSegments: number;
}

const cases: SegmentCase[] = [
  { name: 'rows of 5, repeated ids', xShape: [6, 5], ids: [2, 0, 2, 2, 5, 0], idsShape: [6], numSegments: 7 },
  { name: 'ids outside [0, numSegments) are dropped', xShape: [4, 3], ids: [-1, 1, 9, 1], idsShape: [4], numSegments: 3 },
  { name: 'rank-3 x', xShape: [6, 2, 4], ids: [0, 3, 3, 1, 0, 3], idsShape: [6], numSegments: 4 },
  { name: 'scalar rows', xShape: [8], ids: [1, 1, 0, 4, 4, 4, 2, 1], idsShape: [8], numSegments: 5 },
];

function segmentSum(c: SegmentCase, i: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor(seededValues(tf.util.sizeFromShape(c.xShape), i + 1), c.xShape);
    const segmentIds = tf.tensor(c.ids, c.idsShape, 'int32');
    return runKernel(tf.UnsortedSegmentSum, { x, segmentIds }, { numSegments: c.numSegments });
  });
}

/** Gradients of a weighted sum of gathered rows (axis 0, as Embedding) and columns (axis 1). */
function gatherGradients(): Float32Array[] {
  return tf.tidy(() => {
    const table = tf.tensor2d(seededValues(50 * 6, 31), [50, 6]);
    const ids = tf.tensor2d([3, 7, 3, 0, 49, 7, 7, 12], [2, 4], 'int32');
    const rows = tf.grad((t: tf.Tensor) => tf.gather(t, ids, 0).mul(tf.range(1, 7)).sum())(table);
    const columns = tf.grad((t: tf.Tensor) => tf.gather(t, [5, 1, 5], 1).square().sum())(table);
    return [rows.dataSync() as Float32Array, columns.dataSync() as Float32Array];
  });
}

/** The change one SGD step makes to an Embedding → mean → Dense model, from seeded weights. */
async function embeddingStepDeltas(): Promise<Float32Array[]> {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: 300, outputDim: 8, inputLength: 5, embeddingsInitializer: tf.initializers.randomNormal({ seed: 5 }) }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }) }));
  model.compile({ optimizer: tf.train.sgd(1), loss: 'binaryCrossentropy' });
  const before = model.getWeights().map((w) => w.clone());
  const xs = tf.tensor2d(Int32Array.from({ length: 40 }, (_, k) => (k * 37) % 300), [8, 5], 'int32');
  const ys = tf.tensor2d([0, 1, 1, 0, 1, 0, 0, 1], [8, 1]);
  await model.trainOnBatch(xs, ys);
  const deltas = model.getWeights().map((w, k) => tf.tidy(() => tf.sub(w, before[k] as tf.Tensor).dataSync() as Float32Array));
  tf.dispose([xs, ys, ...before]);
  model.dispose();
  return deltas;
}

describe('UnsortedSegmentSum against the CPU reference kernel', () => {
  const reference = referenceThenFastKernels(() => cases.map((c, i) => segmentSum(c, i)));

  for (const backend of ['wasm', 'cpu'] as const) {
    it.each(cases.map((c, i) => [c.name, c, i] as const))(`${backend}: %s`, async (_, c, i) => {
      await tf.setBackend(backend);
      const stored = tf.engine().backend.numDataIds();
      expectAllClose([segmentSum(c, i)], [reference[i] as Float32Array], 1e-6);
      expect(tf.engine().backend.numDataIds()).toBe(stored);
    });
  }
});

describe('Gather gradients and an Embedding training step with the fast kernel', () => {
  let gatherReference: Float32Array[] = [];
  let stepReference: Float32Array[] = [];
  // The reference step is async, so this suite computes its references itself.
  beforeAll(async () => {
    await tf.setBackend('cpu');
    gatherReference = gatherGradients();
    stepReference = await embeddingStepDeltas();
    registerFastConvKernels('cpu');
    await tf.setBackend('wasm');
    registerFastConvKernels('wasm');
  });
  afterAll(() => {
    restoreKernels('cpu');
    restoreKernels('wasm');
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: gather gradients along axes 0 and 1 equal tfjs' own`, async () => {
      await tf.setBackend(backend);
      expectAllClose(gatherGradients(), gatherReference, 1e-6);
    });

    it(`${backend}: one SGD step changes every weight as on the reference`, async () => {
      await tf.setBackend(backend);
      expectAllClose(await embeddingStepDeltas(), stepReference, 1e-5);
    });
  }
});

describe('registration', () => {
  it('gives wasm the kernel it lacks and takes it away again on restore', async () => {
    await tf.setBackend('wasm');
    expect(tf.getKernel(tf.UnsortedSegmentSum, 'wasm')).toBeUndefined();
    registerFastConvKernels('wasm');
    expect(tf.getKernel(tf.UnsortedSegmentSum, 'wasm')).toBeDefined();
    restoreKernels('wasm');
    expect(tf.getKernel(tf.UnsortedSegmentSum, 'wasm')).toBeUndefined();
  });
});
