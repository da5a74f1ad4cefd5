import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasmBackend } from '@dl-suite/tfjs-kernels';

export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/**
 * Gradient kernels that tfjs-backend-wasm 4.22 lacks, by the layers that need them in training.
 * Pass the relevant lists as `requireKernels` so a model that cannot train on WASM gets 'cpu'.
 */
export const TRAINING_KERNELS = {
  /** Conv1D/Conv2D weight gradients (Conv2DBackpropInput exists in WASM; the filter gradient does not). */
  conv: ['Conv2DBackpropFilter'],
  depthwiseConv: ['DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput'],
  /** The gradient of gather, i.e. of an Embedding layer. */
  embedding: ['UnsortedSegmentSum'],
} as const satisfies Record<string, readonly string[]>;

export interface SelectBackendOptions {
  /** Start the search here instead of at 'tensorflow'; later backends stay as fallbacks. */
  prefer?: BackendName;
  /** Kernel names the model needs; a backend missing any of them is skipped (see TRAINING_KERNELS). */
  requireKernels?: readonly string[];
  /**
   * XNNPACK threads if wasm is chosen (default 1). Worth it for large convolutions (a speech-model
   * training round is ~1.4× faster on 2 threads); slower for small models, whose serial JS parts dominate.
   */
  wasmThreads?: number;
  /** Receives the single line naming the active backend. Default: stderr. */
  log?: (line: string) => void;
}

export interface SelectedBackend {
  name: BackendName;
  reason: string;
}

type Attempt = { ok: true; detail: string } | { ok: false; why: string };

const TFJS_NODE = '@tensorflow/tfjs-node';

/** Maps the environment to backend options; the one place TFJS_BACKEND is interpreted. */
export function backendOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): Pick<SelectBackendOptions, 'prefer'> {
  const value = env['TFJS_BACKEND']?.trim();
  if (!value) return {};
  if (!(BACKEND_NAMES as readonly string[]).includes(value)) {
    throw new RangeError(`TFJS_BACKEND must be one of ${BACKEND_NAMES.join(', ')}; got "${value}"`);
  }
  return { prefer: value as BackendName };
}

/**
 * Activates the fastest usable backend: native TensorFlow (tfjs-node, if installed), then WASM,
 * then the pure-JS CPU backend, which has every kernel. Logs exactly one line.
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<SelectedBackend> {
  const { prefer, requireKernels = [], wasmThreads = 1, log = (line: string) => process.stderr.write(`${line}\n`) } = options;
  if (prefer !== undefined && !BACKEND_NAMES.includes(prefer)) {
    throw new RangeError(`prefer must be one of ${BACKEND_NAMES.join(', ')}; got "${String(prefer)}"`);
  }
  const candidates = BACKEND_NAMES.slice(prefer ? BACKEND_NAMES.indexOf(prefer) : 0);
  const skipped: string[] = [];
  for (const name of candidates) {
    const attempt = name === 'cpu' ? await activateCpu() : await activate(name, requireKernels, wasmThreads);
    if (attempt.ok) {
      const why = [...(prefer === name ? ['requested'] : []), ...skipped, attempt.detail].filter(Boolean);
      const selected = { name, reason: why.join('; ') };
      log(`tfjs backend: ${name} (${selected.reason})`);
      return selected;
    }
    skipped.push(attempt.why);
  }
  throw new Error(`no tfjs backend could be activated: ${skipped.join('; ')}`);
}

async function activate(name: 'tensorflow' | 'wasm', requireKernels: readonly string[], wasmThreads: number): Promise<Attempt> {
  // Importing a backend registers its kernels, so the kernel check has to follow the import.
  const loaded = name === 'tensorflow' ? await loadTfjsNode() : await loadWasm();
  if (!loaded.ok) return loaded;
  const missing = requireKernels.filter((kernel) => tf.getKernel(kernel, name) === undefined);
  if (missing.length > 0) return { ok: false, why: `${name} lacks ${missing.join(', ')}` };
  if (name === 'wasm') {
    try {
      await initWasmBackend(wasmThreads);
    } catch (error) {
      return { ok: false, why: `wasm backend failed to initialise: ${messageOf(error)}` };
    }
    return { ok: true, detail: await describeWasm() };
  }
  if (!(await tf.setBackend(name))) return { ok: false, why: `${name} backend failed to initialise` };
  return loaded;
}

async function loadTfjsNode(): Promise<Attempt> {
  try {
    // A variable specifier keeps TypeScript and bundlers from requiring the optional package.
    const specifier: string = TFJS_NODE;
    await import(specifier);
  } catch (error) {
    return { ok: false, why: isModuleNotFound(error) ? 'tfjs-node not installed' : `tfjs-node failed to load: ${messageOf(error)}` };
  }
  // tfjs-node registers on its own copy of tfjs-core when versions differ; then ours never sees it.
  if (!tf.findBackendFactory('tensorflow')) return { ok: false, why: 'tfjs-node registered on a different @tensorflow/tfjs copy' };
  return { ok: true, detail: 'native TensorFlow via tfjs-node' };
}

async function loadWasm(): Promise<Attempt> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Point at the binaries inside node_modules explicitly: the default is relative to the
    // script that loads them, which is wrong once an app is bundled.
    const binary = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    wasm.setWasmPaths(path.dirname(binary) + path.sep);
    return { ok: true, detail: '' };
  } catch (error) {
    return { ok: false, why: `wasm failed to load: ${messageOf(error)}` };
  }
}

async function describeWasm(): Promise<string> {
  const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = getThreadsCount();
  return `${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'}`;
}

async function activateCpu(): Promise<Attempt> {
  if (!(await tf.setBackend('cpu'))) return { ok: false, why: 'cpu backend failed to initialise' };
  // The CPU backend prints a multi-line "install tfjs-node" banner on its first tensor; our log
  // line already says why we are on cpu, so let that first write happen with warnings off.
  const env = tf.env();
  const prod = env.getBool('PROD');
  env.set('PROD', true);
  tf.scalar(0).dispose();
  env.set('PROD', prod);
  return { ok: true, detail: '' };
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(messageOf(error));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
