import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backendOptionsFromEnv, selectBackend, TRAINING_KERNELS } from './backend';
import { buildMlp, separableData } from './test-fixtures';

const capture = () => {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
};

describe('selectBackend', () => {
  it('falls back from the absent tfjs-node to WASM and logs one line saying why', async () => {
    const { lines, log } = capture();
    const selected = await selectBackend({ log });
    expect(selected.name).toBe('wasm');
    expect(selected.reason).toMatch(/^tfjs-node not installed; SIMD, 1 thread$/);
    expect(lines).toEqual([`tfjs backend: wasm (${selected.reason})`]);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('trains a dense model with model.fit on WASM', async () => {
    await selectBackend({ prefer: 'wasm', log: () => undefined });
    const { x, y } = separableData(256, 1);
    const model = buildMlp(5);
    const history = await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0 });
    const losses = history.history['loss'] as number[];
    expect(tf.getBackend()).toBe('wasm');
    expect(losses.at(-1)).toBeLessThan(losses[0] as number);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('cannot train a convolution on WASM, so requireKernels moves such a model to cpu', async () => {
    await selectBackend({ prefer: 'wasm', log: () => undefined });
    const conv = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3 }), tf.layers.flatten()] });
    conv.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    await expect(conv.trainOnBatch(tf.ones([2, 6, 6, 1]), tf.ones([2, 32]))).rejects.toThrow(/Conv2DBackpropFilter/);

    const { lines, log } = capture();
    const selected = await selectBackend({ requireKernels: TRAINING_KERNELS.conv, log });
    expect(selected).toEqual({ name: 'cpu', reason: 'tfjs-node not installed; wasm lacks Conv2DBackpropFilter' });
    expect(lines).toHaveLength(1);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('lists in TRAINING_KERNELS only kernels that WASM lacks and cpu has', async () => {
    await selectBackend({ prefer: 'wasm', log: () => undefined });
    for (const kernel of Object.values(TRAINING_KERNELS).flat()) {
      expect(tf.getKernel(kernel, 'wasm'), kernel).toBeUndefined();
      expect(tf.getKernel(kernel, 'cpu'), kernel).toBeDefined();
    }
  });

  it('honours an explicit preference and rejects unknown ones', async () => {
    await expect(selectBackend({ prefer: 'gpu' as 'cpu' })).rejects.toThrow(RangeError);
    const { lines, log } = capture();
    expect(await selectBackend({ prefer: 'cpu', log })).toEqual({ name: 'cpu', reason: 'requested' });
    expect(lines).toEqual(['tfjs backend: cpu (requested)']);
    expect((await selectBackend({ prefer: 'tensorflow', log: () => undefined })).name).toBe('wasm');
  });
});

describe('backendOptionsFromEnv', () => {
  it('maps TFJS_BACKEND to prefer and rejects unknown names', () => {
    expect(backendOptionsFromEnv({})).toEqual({});
    expect(backendOptionsFromEnv({ TFJS_BACKEND: ' wasm ' })).toEqual({ prefer: 'wasm' });
    expect(() => backendOptionsFromEnv({ TFJS_BACKEND: 'gpu' })).toThrow(/tensorflow, wasm, cpu; got "gpu"/);
  });
});
