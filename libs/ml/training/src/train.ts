import * as tf from '@tensorflow/tfjs';
import { EarlyStopping, WeightSnapshot, type EarlyStoppingConfig } from './early-stopping';
import { learningRateAt, optimizerLearningRate, setOptimizerLearningRate, type LearningRateConfig } from './lr-schedule';
import { createRng, withSeededMathRandom, type Rng } from './rng';

export type Tensors = tf.Tensor | tf.Tensor[];

/**
 * Extra validation metrics from the validation targets and predictions, both flattened row-major
 * (`shape` is the prediction's, e.g. [rows, 1]). Returned keys are reported with a `val_` prefix.
 */
export type ValidationMetricsFn = (yTrue: Float32Array, yPred: Float32Array, shape: readonly number[]) => Record<string, number>;

export interface EpochReport {
  /** 0-based. */
  epoch: number;
  epochs: number;
  /** tfjs's logs (loss, acc, val_loss, val_acc…) plus the `val_`-prefixed custom metrics. */
  metrics: Record<string, number>;
  /** The rate this epoch trained with, when the optimizer exposes one. */
  learningRate: number | undefined;
  seconds: number;
  /** This epoch set a new best for the early-stopping metric. */
  improved: boolean;
}

export interface BatchReport {
  epoch: number;
  /** 0-based batch within the epoch. */
  batch: number;
  batches: number;
  loss: number;
}

export interface TrainOptions {
  /** A compiled model whose builder seeded its initializers (see README: reproducibility). */
  model: tf.LayersModel;
  x: Tensors;
  y: Tensors;
  validation?: { x: Tensors; y: Tensors };
  epochs: number;
  batchSize: number;
  /** Seeds the per-epoch shuffle and the random draws of unseeded ops such as Dropout. */
  seed: number;
  /** Per-class loss weights keyed by class index, e.g. from classWeights(). */
  classWeight?: Record<number, number>;
  learningRate?: LearningRateConfig;
  earlyStopping?: EarlyStoppingConfig;
  validationMetrics?: ValidationMetricsFn;
  /**
   * Data augmentation: receives the epoch's shuffled inputs and returns new tensors to train on
   * (disposed after the epoch). Runs once per epoch, so random transforms differ between epochs.
   */
  augment?: (x: Tensors, epoch: number) => Tensors;
  onEpochEnd?: (report: EpochReport) => void;
  onBatchEnd?: (report: BatchReport) => void;
}

export interface TrainResult {
  history: EpochReport[];
  /** Best epoch under early stopping; otherwise the last epoch. */
  bestEpoch: number;
  stoppedEarly: boolean;
  seconds: number;
}

/**
 * Trains one epoch per model.fit call so that we own the shuffle (seeded, reproducible), the
 * learning rate of each epoch and early stopping, while tfjs keeps batching and class weights.
 */
export async function trainModel(options: TrainOptions): Promise<TrainResult> {
  const { model, epochs, seed } = options;
  const optimizer = model.optimizer;
  if (!optimizer) throw new Error('trainModel needs a compiled model (call model.compile first)');
  const rows = checkOptions(options);

  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const shuffleRng = createRng(seed);
  // A second stream for Dropout & co., so adding a Dropout layer does not change the data order.
  const opsRng = createRng(seed ^ 0x5bd1e995);
  const stopper = options.earlyStopping ? new EarlyStopping(options.earlyStopping) : undefined;
  const best = new WeightSnapshot();
  const history: EpochReport[] = [];
  const started = performance.now();
  let stoppedEarly = false;

  try {
    for (let epoch = 0; epoch < epochs && !stoppedEarly; epoch++) {
      const epochStarted = performance.now();
      if (options.learningRate) setOptimizerLearningRate(optimizer, learningRateAt(options.learningRate, epoch, epochs));
      shuffleRng.shuffle(order);
      const metrics = await fitOneEpoch(options, epoch, order, opsRng);
      if (options.validation && options.validationMetrics) {
        Object.assign(metrics, await customValidationMetrics(options, options.validation, options.validationMetrics));
      }
      const decision = stopper?.update(epoch, metrics);
      const improved = decision?.improved ?? false;
      if (improved && options.earlyStopping?.restoreBest) best.save(model);
      stoppedEarly = (decision?.stop ?? false) && epoch < epochs - 1;

      const report: EpochReport = {
        epoch,
        epochs,
        metrics,
        learningRate: optimizerLearningRate(optimizer),
        seconds: (performance.now() - epochStarted) / 1000,
        improved,
      };
      history.push(report);
      options.onEpochEnd?.(report);
    }
    if (options.earlyStopping?.restoreBest) best.restore(model);
  } finally {
    best.dispose();
  }
  return {
    history,
    bestEpoch: stopper ? stopper.bestEpoch : history.length - 1,
    stoppedEarly,
    seconds: (performance.now() - started) / 1000,
  };
}

async function fitOneEpoch(options: TrainOptions, epoch: number, order: Int32Array, opsRng: Rng): Promise<Record<string, number>> {
  const { model, batchSize, validation, classWeight, onBatchEnd } = options;
  const [x, y] = tf.tidy(() => {
    const indices = tf.tensor1d(order, 'int32');
    return [asList(options.x).map((t) => tf.gather(t, indices)), asList(options.y).map((t) => tf.gather(t, indices))];
  });
  const batches = Math.ceil(order.length / batchSize);
  const inputs = options.augment ? asList(options.augment(unwrap(x), epoch)) : x;
  try {
    const fitted = await withSeededMathRandom(opsRng, () =>
      model.fit(unwrap(inputs), unwrap(y), {
        epochs: 1,
        batchSize,
        shuffle: false,
        verbose: 0,
        classWeight,
        validationData: validation ? [unwrap(asList(validation.x)), unwrap(asList(validation.y))] : undefined,
        callbacks: onBatchEnd
          ? { onBatchEnd: (batch, logs) => onBatchEnd({ epoch, batch, batches, loss: Number(logs?.['loss']) }) }
          : undefined,
      }),
    );
    return lastValues(fitted.history);
  } finally {
    tf.dispose([x, y, inputs]);
  }
}

async function customValidationMetrics(
  options: TrainOptions,
  validation: { x: Tensors; y: Tensors },
  compute: ValidationMetricsFn,
): Promise<Record<string, number>> {
  if (Array.isArray(validation.y)) throw new Error('validationMetrics supports single-output models only');
  const predicted = options.model.predict(validation.x, { batchSize: options.batchSize });
  try {
    if (Array.isArray(predicted)) throw new Error('validationMetrics supports single-output models only');
    const [yTrue, yPred] = await Promise.all([validation.y.data(), predicted.data()]);
    const values = compute(Float32Array.from(yTrue as ArrayLike<number>), Float32Array.from(yPred as ArrayLike<number>), predicted.shape);
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [`val_${key}`, value]));
  } finally {
    tf.dispose(predicted);
  }
}

function lastValues(history: Record<string, (number | tf.Tensor)[]>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, values] of Object.entries(history)) {
    const last = values.at(-1);
    if (last !== undefined) metrics[key] = typeof last === 'number' ? last : (last.dataSync()[0] as number);
  }
  return metrics;
}

function checkOptions({ x, y, validation, epochs, batchSize, seed }: TrainOptions): number {
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`epochs must be a positive integer, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const rows = sameRows([...asList(x), ...asList(y)], 'x and y');
  if (rows === 0) throw new RangeError('cannot train on zero rows');
  if (validation) sameRows([...asList(validation.x), ...asList(validation.y)], 'validation x and y');
  return rows;
}

function sameRows(tensors: tf.Tensor[], what: string): number {
  const counts = new Set(tensors.map((t) => t.shape[0]));
  if (counts.size !== 1) throw new RangeError(`${what} must have the same number of rows, got ${[...counts].join(' vs ')}`);
  return tensors[0]?.shape[0] ?? 0;
}

function asList(tensors: Tensors): tf.Tensor[] {
  return Array.isArray(tensors) ? tensors : [tensors];
}

function unwrap(tensors: tf.Tensor[]): Tensors {
  return tensors.length === 1 ? (tensors[0] as tf.Tensor) : tensors;
}
