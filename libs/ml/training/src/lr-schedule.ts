import type * as tf from '@tensorflow/tfjs';

export type LrScheduleName = 'constant' | 'cosine' | 'step';

export interface LearningRateConfig {
  initial: number;
  /** A named schedule, or a function of the 0-based epoch that returns the rate itself. */
  schedule: LrScheduleName | ((epoch: number) => number);
  /** Linear ramp from initial/warmupEpochs up to initial; named schedules only. */
  warmupEpochs?: number;
  /** 'step': multiply by `gamma` every `every` epochs (defaults: a third of the post-warm-up epochs, 0.1). */
  step?: { every?: number; gamma?: number };
  /** 'cosine': the floor the rate decays towards (default 0). */
  minimum?: number;
}

/** The learning rate for a 0-based epoch out of `totalEpochs`. */
export function learningRateAt(config: LearningRateConfig, epoch: number, totalEpochs: number): number {
  const { initial, schedule, warmupEpochs = 0 } = config;
  if (typeof schedule === 'function') {
    if (warmupEpochs > 0) throw new RangeError('warmupEpochs applies to named schedules; fold it into the function');
    return checkRate(schedule(epoch), epoch);
  }
  if (epoch < warmupEpochs) return checkRate((initial * (epoch + 1)) / warmupEpochs, epoch);

  const t = epoch - warmupEpochs;
  const span = Math.max(1, totalEpochs - warmupEpochs);
  switch (schedule) {
    case 'constant':
      return checkRate(initial, epoch);
    case 'cosine': {
      const minimum = config.minimum ?? 0;
      return checkRate(minimum + (initial - minimum) * 0.5 * (1 + Math.cos((Math.PI * t) / span)), epoch);
    }
    case 'step': {
      const every = config.step?.every ?? Math.max(1, Math.round(span / 3));
      const gamma = config.step?.gamma ?? 0.1;
      return checkRate(initial * gamma ** Math.floor(t / every), epoch);
    }
  }
}

function checkRate(rate: number, epoch: number): number {
  if (!(Number.isFinite(rate) && rate >= 0)) {
    throw new RangeError(`learning rate for epoch ${epoch} must be a finite number >= 0, got ${rate}`);
  }
  return rate;
}

interface WithLearningRate {
  learningRate?: unknown;
  setLearningRate?: (rate: number) => void;
}

/**
 * Sets the rate used by the next update. SGD and Momentum cache -lr in a tensor that only
 * setLearningRate refreshes; Adam, RMSProp, Adagrad, Adadelta and Adamax read the
 * `learningRate` field on every step.
 */
export function setOptimizerLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const target = optimizer as unknown as WithLearningRate;
  if (typeof target.setLearningRate === 'function') target.setLearningRate(rate);
  else if (typeof target.learningRate === 'number') target.learningRate = rate;
  else throw new TypeError(`optimizer ${optimizer.getClassName()} exposes no learning rate to schedule`);
}

/** The optimizer's current rate, when it has one, for reporting. */
export function optimizerLearningRate(optimizer: tf.Optimizer): number | undefined {
  const { learningRate } = optimizer as unknown as WithLearningRate;
  return typeof learningRate === 'number' ? learningRate : undefined;
}
