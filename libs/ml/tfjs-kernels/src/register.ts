import * as tf from '@tensorflow/tfjs';
import { makeFusedBatchNorm } from './batch-norm';
import { fusedBatchNormGrad } from './batch-norm-grad';
import { makeConv2DBackpropFilter } from './conv2d-backprop-filter';
import { makeConv2DBackpropInput } from './conv2d-backprop-input';
import { makeGatherRows } from './gather-rows';
import { maxGrad } from './max-grad';
import { maxPoolGrad } from './max-pool-grad';
import { meanGrad, sumGrad } from './reduction-grads';
import { makeAxisRunReduction } from './reductions';
import { makeCast, shareData } from './share-data';
import { unsortedSegmentSum } from './unsorted-segment-sum';

export type FastKernelBackend = 'wasm' | 'cpu';

/** Builds a kernel for a backend; `original` is the kernel it replaces, if any. */
type KernelFactory = (backendName: string, original: tf.KernelFunc | undefined) => tf.KernelFunc;

const common: Record<string, KernelFactory> = {
  [tf.Conv2DBackpropFilter]: makeConv2DBackpropFilter,
  [tf.Conv2DBackpropInput]: makeConv2DBackpropInput,
  [tf.MaxPoolGrad]: () => maxPoolGrad,
  // The gradient of Gather (Embedding): missing on wasm, O(vocabulary × batch) on cpu.
  [tf.UnsortedSegmentSum]: () => unsortedSegmentSum,
};

/** Kernels whose wasm versions are slow loops or needless copies; the CPU backend's are fine. */
const wasmOnly: Record<string, KernelFactory> = {
  [tf.Sum]: (backendName, original) => makeAxisRunReduction('Sum', backendName, required(original, tf.Sum)),
  [tf.Mean]: (backendName, original) => makeAxisRunReduction('Mean', backendName, required(original, tf.Mean)),
  [tf.FusedBatchNorm]: makeFusedBatchNorm,
  [tf.Identity]: () => shareData,
  [tf.Cast]: (_, original) => makeCast(required(original, tf.Cast)),
  [tf.GatherV2]: (_, original) => makeGatherRows(required(original, tf.GatherV2)),
};

/** Kernels we replaced, per backend, so `restore` can put them back (undefined: there was none). */
const replaced = new Map<string, Map<string, tf.KernelConfig | undefined>>();
/** Gradients are global, not per backend: replaced while any backend is registered. */
let originalGradients: tf.GradConfig[] = [];

/**
 * Makes CNN training fast on `backendName`: Conv2DBackpropFilter / Conv2DBackpropInput
 * through the backend's forward Conv2D, a JS MaxPoolGrad, a scatter-add UnsortedSegmentSum
 * (the Embedding gradient), on wasm also faster per-channel
 * reductions and batch norm, plus leaner FusedBatchNorm and Max gradients (global, same maths).
 * Idempotent. Returns a function restoring what it replaced.
 */
export function registerFastConvKernels(backendName: FastKernelBackend = currentBackend()): () => void {
  if (!replaced.has(backendName)) {
    const factories = backendName === 'wasm' ? { ...common, ...wasmOnly } : common;
    const previous = new Map<string, tf.KernelConfig | undefined>();
    for (const [kernelName, make] of Object.entries(factories)) {
      const original = tf.getKernel(kernelName, backendName);
      previous.set(kernelName, original);
      if (original !== undefined) tf.unregisterKernel(kernelName, backendName);
      // The original's setup must still run if the backend initialises later: fallbacks call it.
      tf.registerKernel({
        kernelName,
        backendName,
        kernelFunc: make(backendName, original?.kernelFunc),
        setupFunc: original?.setupFunc,
        disposeFunc: original?.disposeFunc,
      });
    }
    if (replaced.size === 0) originalGradients = replaceGradients([fusedBatchNormGrad, sumGrad, meanGrad, maxGrad]);
    replaced.set(backendName, previous);
  }
  return () => restoreKernels(backendName);
}

/** Puts back what `registerFastConvKernels(backendName)` replaced. */
export function restoreKernels(backendName: FastKernelBackend): void {
  const previous = replaced.get(backendName);
  if (previous === undefined) return;
  for (const [kernelName, config] of previous) {
    tf.unregisterKernel(kernelName, backendName);
    if (config !== undefined) tf.registerKernel(config);
  }
  replaced.delete(backendName);
  if (replaced.size === 0) replaceGradients(originalGradients);
}

/** Registers `configs`, returning the gradients they displaced. */
function replaceGradients(configs: tf.GradConfig[]): tf.GradConfig[] {
  const displaced = configs.map((config) => tf.getGradient(config.kernelName));
  for (const config of configs) tf.registerGradient(config);
  return displaced;
}

function required(kernel: tf.KernelFunc | undefined, kernelName: string): tf.KernelFunc {
  if (kernel === undefined) throw new Error(`backend has no ${kernelName} kernel to fall back on`);
  return kernel;
}

function currentBackend(): FastKernelBackend {
  const name = tf.getBackend();
  if (name !== 'wasm' && name !== 'cpu') throw new Error(`no fast conv kernels for backend '${name}'`);
  return name;
}
