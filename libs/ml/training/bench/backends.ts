/**
 * Times the workloads the README quotes on every backend this machine can run:
 *   npx tsx libs/ml/training/bench/backends.ts
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_NAMES, selectBackend, type BackendName } from '../src/backend';

interface Workload {
  name: string;
  /** Builds the model and returns one timed unit of work. */
  setup(): () => Promise<void>;
  warmup: number;
  runs: number;
  /** Backends whose kernels cannot run this workload. */
  unsupported?: readonly BackendName[];
}

const denseTrainStep: Workload = {
  name: 'dense MLP train step (batch 512, 20-64-32-1, Adam)',
  warmup: 5,
  runs: 50,
  setup() {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [20], units: 64, activation: 'relu' }),
        tf.layers.dense({ units: 32, activation: 'relu' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([512, 20]);
    const y = tf.randomUniform([512, 1]).round();
    return async () => {
      await model.trainOnBatch(x, y);
    };
  },
};

function smallCnn(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', padding: 'same' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
}

const convInference: Workload = {
  name: 'small CNN inference (batch 64, 28x28x1, conv16-pool-conv32-pool-dense2)',
  warmup: 3,
  runs: 20,
  setup() {
    const model = smallCnn();
    const x = tf.randomNormal([64, 28, 28, 1]);
    return async () => {
      const y = model.predict(x) as tf.Tensor;
      await y.data();
      y.dispose();
    };
  },
};

const convTrainStep: Workload = {
  name: 'same CNN train step (batch 64, Adam)',
  warmup: 1,
  runs: 3,
  unsupported: ['wasm'],
  setup() {
    const model = smallCnn();
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
    const x = tf.randomNormal([64, 28, 28, 1]);
    const y = tf.oneHot(tf.randomUniform([64], 0, 2, 'int32'), 2);
    return async () => {
      await model.trainOnBatch(x, y);
    };
  },
};

async function time(workload: Workload): Promise<number> {
  const run = workload.setup();
  for (let i = 0; i < workload.warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < workload.runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const results: string[] = [];
for (const prefer of BACKEND_NAMES) {
  const { name } = await selectBackend({ prefer });
  if (name !== prefer) continue;
  for (const workload of [denseTrainStep, convInference, convTrainStep]) {
    if (workload.unsupported?.includes(name)) {
      results.push(`| ${workload.name} | ${name} | no kernel |`);
      continue;
    }
    const ms = await time(workload);
    results.push(`| ${workload.name} | ${name} | ${ms.toFixed(1)} ms |`);
  }
}
process.stdout.write(['| workload | backend | median |', '|---|---|---|', ...results].join('\n') + '\n');
