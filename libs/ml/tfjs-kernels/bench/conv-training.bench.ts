/**
 * Seconds per training step of the project CNN (batch 64, 28×28×1, Adam) on the CPU backend
 * as shipped, on it with the fast kernels, and on wasm with them (1 thread, and 2 threads in
 * a child process, since the thread count is fixed when wasm first initialises), plus a
 * per-kernel profile of the wasm step.
 *
 *   npx tsx libs/ml/tfjs-kernels/bench/conv-training.bench.ts [--quick]
 *
 * --quick skips the ~2.5 min per step CPU reference.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initWasmBackend, registerFastConvKernels, restoreKernels } from '../src/index';
import { buildCnn } from './cnn';

const BATCH = 64;
const EPOCH_IMAGES = 4682;
const TARGET_EPOCH_SECONDS = 13;
const PYTORCH_EPOCH_SECONDS = 4.3;
const CHILD_FLAG = '--wasm-threads-child';

interface Timing {
  variant: string;
  steps: number;
  /** Median wall-clock seconds per step. */
  secondsPerStep: number;
  /** Median CPU seconds per step, all threads: what a step costs when no other job competes. */
  cpuSecondsPerStep: number;
}

async function timeSteps(variant: string, warmUp: number, steps: number): Promise<Timing> {
  const model = buildCnn();
  const x = tf.randomNormal([BATCH, 28, 28, 1]);
  const y = tf.randomUniform([BATCH, 1]).round();
  for (let i = 0; i < warmUp; i++) await model.trainOnBatch(x, y); // JIT, XNNPACK operator set-up
  const tensorsBefore = tf.memory().numTensors;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await model.trainOnBatch(x, y);
    const used = process.cpuUsage(cpuStart);
    wall.push((performance.now() - start) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  // Without a warm-up step the first one also creates the optimizer's slot variables.
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (warmUp > 0 && leaked !== 0) console.warn(`${variant}: ${leaked} tensors leaked over ${steps} steps`);
  tf.dispose([x, y]);
  model.dispose();
  return { variant, steps, secondsPerStep: median(wall), cpuSecondsPerStep: median(cpu) };
}

/** Mean milliseconds per step by kernel, over 3 profiled steps. */
async function kernelProfile(): Promise<{ kernels: [string, number][]; stepMs: number }> {
  const model = buildCnn();
  const x = tf.randomNormal([BATCH, 28, 28, 1]);
  const y = tf.randomUniform([BATCH, 1]).round();
  await model.trainOnBatch(x, y);
  const totals = new Map<string, number>();
  let stepMs = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const info = await tf.profile(async () => {
      await model.trainOnBatch(x, y);
    });
    stepMs += (performance.now() - start) / 3;
    // customGrad ops (fusedConv2d__op, …) are scopes around kernels listed on their own.
    for (const k of info.kernels.filter((k) => !k.name.endsWith('__op'))) {
      totals.set(k.name, (totals.get(k.name) ?? 0) + (k.kernelTimeMs as number) / 3);
    }
  }
  tf.dispose([x, y]);
  model.dispose();
  return { kernels: [...totals].sort((a, b) => b[1] - a[1]), stepMs };
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Runs this script again with wasm on 2 threads; it prints one Timing as JSON. */
function timeThreadedWasmInChild(): Timing {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [...process.execArgv, script, CHILD_FLAG], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as Timing;
}

async function main(): Promise<void> {
  if (process.argv.includes(CHILD_FLAG)) {
    const threads = await initWasmBackend(2);
    registerFastConvKernels('wasm');
    console.log(JSON.stringify(await timeSteps(`wasm + fast kernels, ${threads} threads`, 3, 20)));
    return;
  }
  console.log(`load average before: ${load()} (other jobs on the same cores skew wall-clock timings)`);
  const timings: Timing[] = [];
  await tf.setBackend('cpu');
  if (!process.argv.includes('--quick')) timings.push(await timeSteps('cpu (tfjs as shipped)', 0, 1));
  registerFastConvKernels('cpu');
  timings.push(await timeSteps('cpu + fast kernels', 1, 3));
  restoreKernels('cpu');
  await tf.setBackend('wasm');
  registerFastConvKernels('wasm');
  timings.push(await timeSteps('wasm + fast kernels, 1 thread', 3, 20));
  timings.push(timeThreadedWasmInChild());

  const perEpoch = (seconds: number): string => ((seconds * EPOCH_IMAGES) / BATCH).toFixed(1);
  console.table(
    timings.map((t) => ({
      variant: t.variant,
      steps: t.steps,
      's/step': t.secondsPerStep.toFixed(3),
      's/epoch': perEpoch(t.secondsPerStep),
      'CPU s/step': t.cpuSecondsPerStep.toFixed(3),
      'CPU s/epoch': perEpoch(t.cpuSecondsPerStep),
    })),
  );
  console.log(
    `medians; epoch = ${EPOCH_IMAGES} images / ${BATCH} per step; ` +
      `target ≤ ${TARGET_EPOCH_SECONDS} s, PyTorch on these cores ${PYTORCH_EPOCH_SECONDS} s`,
  );

  const { kernels, stepMs } = await kernelProfile();
  const inKernels = kernels.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`wasm, 1 thread, profiled step ${stepMs.toFixed(0)} ms, of which ${inKernels.toFixed(0)} ms in kernels:`);
  console.table(kernels.slice(0, 14).map(([kernel, ms]) => ({ kernel, 'ms/step': ms.toFixed(1) })));
  console.log(`load average after: ${load()}`);
}

await main();
