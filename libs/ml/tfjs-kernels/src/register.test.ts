import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';

const replacedOnCpu = [tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput, tf.MaxPoolGrad];
const replacedGradients = [tf.FusedBatchNorm, tf.Sum, tf.Mean];

describe('registerFastConvKernels / restoreKernels', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  afterEach(() => restoreKernels('cpu'));

  it('replaces the kernels and gradients, and restore puts the very same ones back', () => {
    const kernels = replacedOnCpu.map((name) => tf.getKernel(name, 'cpu'));
    const gradients = replacedGradients.map((name) => tf.getGradient(name));
    const restore = registerFastConvKernels('cpu');
    replacedOnCpu.forEach((name, i) => expect(tf.getKernel(name, 'cpu')).not.toBe(kernels[i]));
    replacedGradients.forEach((name, i) => expect(tf.getGradient(name)).not.toBe(gradients[i]));
    restore();
    replacedOnCpu.forEach((name, i) => expect(tf.getKernel(name, 'cpu')).toBe(kernels[i]));
    replacedGradients.forEach((name, i) => expect(tf.getGradient(name)).toBe(gradients[i]));
  });

  it('is idempotent and defaults to the current backend', () => {
    registerFastConvKernels();
    const first = tf.getKernel(tf.Conv2DBackpropFilter, 'cpu');
    registerFastConvKernels('cpu');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'cpu')).toBe(first);
  });

  it('leaves the CPU backend’s own reductions and batch norm alone', () => {
    const names = [tf.Sum, tf.Mean, tf.FusedBatchNorm, tf.Identity];
    const untouched = names.map((name) => tf.getKernel(name, 'cpu'));
    registerFastConvKernels('cpu');
    names.forEach((name, i) => expect(tf.getKernel(name, 'cpu')).toBe(untouched[i]));
  });
});
