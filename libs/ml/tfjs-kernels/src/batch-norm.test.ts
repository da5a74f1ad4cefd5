import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { registerFastConvKernels, restoreKernels } from './register';
import { expectAllClose, seededValues } from './testing/compare';

const shape: [number, number, number, number] = [3, 5, 4, 6];
const channels = shape[3];

function inputs(): { x: tf.Tensor4D; gamma: tf.Tensor1D; beta: tf.Tensor1D; weights: tf.Tensor4D } {
  const x = tf.tensor4d(seededValues(tf.util.sizeFromShape(shape), 1), shape).mul(3).add(2) as tf.Tensor4D;
  const gamma = tf.tensor1d(seededValues(channels, 2)).add(1) as tf.Tensor1D;
  const beta = tf.tensor1d(seededValues(channels, 3));
  const weights = tf.tensor4d(seededValues(tf.util.sizeFromShape(shape), 4), shape);
  return { x, gamma, beta, weights };
}

/** Outputs and gradients of BN in training mode (batch moments), as tf.layers computes it. */
function trainingBatchNorm(): Float32Array[] {
  return tf.tidy(() => {
    const { x, gamma, beta, weights } = inputs();
    const loss = (xv: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Scalar => {
      const { mean, variance } = tf.moments(xv, [0, 1, 2]);
      const [m, v] = [mean as tf.Tensor1D, variance as tf.Tensor1D];
      return tf.batchNorm4d(xv as tf.Tensor4D, m, v, b as tf.Tensor1D, g as tf.Tensor1D, 1e-3).mul(weights).sum();
    };
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    const y = tf.batchNorm4d(x, mean as tf.Tensor1D, variance as tf.Tensor1D, beta, gamma, 1e-3);
    const grads = tf.grads(loss)([x, gamma, beta]);
    return [y, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

/** Gradients with respect to every FusedBatchNorm input, statistics given (inference mode). */
function givenStatisticsGradients(): Float32Array[] {
  return tf.tidy(() => {
    const { x, gamma, beta, weights } = inputs();
    const mean = tf.tensor1d(seededValues(channels, 5));
    const variance = tf.tensor1d(seededValues(channels, 6)).abs().add(0.5);
    const loss = (...[xv, m, v, g, b]: tf.Tensor[]): tf.Scalar =>
      tf.batchNorm4d(xv as tf.Tensor4D, m as tf.Tensor1D, v as tf.Tensor1D, b as tf.Tensor1D, g as tf.Tensor1D, 1e-3)
        .mul(weights)
        .sum();
    return tf.grads(loss)([x, mean, variance, gamma, beta]).map((t) => t.dataSync() as Float32Array);
  });
}

describe('batch norm kernel and gradient against tfjs as shipped on the CPU backend', () => {
  let referenceTraining: Float32Array[] = [];
  let referenceGiven: Float32Array[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    referenceTraining = trainingBatchNorm();
    referenceGiven = givenStatisticsGradients();
    await tf.setBackend('wasm');
    registerFastConvKernels('wasm');
  });

  afterAll(() => restoreKernels('wasm'));

  it('normalises and backpropagates a training batch like the reference (y, dx, dγ, dβ)', () => {
    expectAllClose(trainingBatchNorm(), referenceTraining, 1e-5);
  });

  it('differentiates with respect to given mean and variance like the reference', () => {
    expectAllClose(givenStatisticsGradients(), referenceGiven, 1e-5);
  });
});
