import { createRequire } from 'node:module';
import type * as NodeOs from 'node:os';
import type * as NodeWorkerThreads from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);
const THREADED = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd';

/**
 * Initialises tfjs' wasm backend, in Node with XNNPACK running on `threads` threads.
 *
 * tfjs ships a threaded SIMD build but never uses it in Node: its feature flag says no, its
 * pthread workers are created from blob: URLs (Node's Worker cannot load those) and it
 * caps the pool at os.cpus().length / 2 (1 on a 2-core box). This sets the flag and, only
 * while the backend initialises, patches worker_threads.Worker and os.cpus.
 * Must run before anything else initialises the wasm backend; returns the thread count
 * in effect (1 without threads; unchanged if wasm was already initialised).
 */
export async function initWasmBackend(threads: number): Promise<number> {
  if (threads > 1 && tf.findBackend('wasm') === null) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    setThreadsCount(threads);
    const restore = patchNodeForPthreads(threads);
    try {
      // On failure fall back to the single-threaded build below.
      if (!(await tf.setBackend('wasm'))) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    } finally {
      restore();
    }
  }
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialise');
  return getThreadsCount();
}

function patchNodeForPthreads(threads: number): () => void {
  const workerThreads = require('node:worker_threads') as typeof NodeWorkerThreads;
  const os = require('node:os') as typeof NodeOs;
  const { Worker } = workerThreads;
  const { cpus } = os;
  const glue = require.resolve(`${THREADED}.js`);
  const { wasmWorkerContents } = require(`${THREADED}.worker.js`) as { wasmWorkerContents: string };
  // The script's `\n` escapes became real newlines in the template literal it ships in;
  // tfjs undoes that the same way before making its blob.
  const code = wasmWorkerContents.replace(/\n/g, '\\n');

  /** Emscripten's pthread worker, started from the script's text instead of a blob: URL. */
  class PthreadWorker extends Worker {
    constructor(_blobUrl: string | URL, options?: NodeWorkerThreads.WorkerOptions) {
      super(code, { ...options, eval: true });
      this.unref();
    }

    /** Pool threads live as long as the process; a ref'd one would keep Node from exiting. */
    override ref(): void {}

    /** The worker loads the emscripten glue given here: a file path instead of a blob. */
    override postMessage(message: unknown, transfer?: readonly NodeWorkerThreads.TransferListItem[]): void {
      const isLoad = typeof message === 'object' && message !== null && (message as { cmd?: unknown }).cmd === 'load';
      super.postMessage(isLoad ? { ...message, urlOrBlob: glue } : message, transfer);
    }
  }

  const mutableWorkerThreads = workerThreads as { Worker: typeof Worker };
  const mutableOs = os as { cpus: typeof cpus };
  mutableWorkerThreads.Worker = PthreadWorker;
  // emscripten_num_logical_cores() reads os.cpus().length and tfjs halves it.
  mutableOs.cpus = () => Array.from({ length: 2 * threads }, () => cpus()[0] as NodeOs.CpuInfo);
  return () => {
    mutableWorkerThreads.Worker = Worker;
    mutableOs.cpus = cpus;
  };
}
