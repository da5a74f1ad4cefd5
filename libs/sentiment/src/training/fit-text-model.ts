import * as tf from '@tensorflow/tfjs';
import { binaryMetricsAt } from '@dl-suite/ml-metrics';
import {
  createRng,
  EarlyStopping,
  learningRateAt,
  setOptimizerLearningRate,
  withSeededMathRandom,
  type BatchReport,
  type EpochReport,
  type LearningRateConfig,
} from '@dl-suite/ml-training';
import { batchesByLength, batchTensors, lengthBucketedBatches, type EncodedTexts } from './batches';

export interface FitTextModelOptions {
  /** Compiled, with logits [batch, 2] as its output and a loss taking one-hot labels. */
  model: tf.LayersModel;
  train: EncodedTexts;
  dev: EncodedTexts;
  epochs: number;
  batchSize: number;
  seed: number;
  learningRate: LearningRateConfig;
  /** Stop after this many epochs without a better dev accuracy; the best epoch's weights are kept. */
  patience: number;
  onEpochEnd?: (report: EpochReport) => void;
  onBatchEnd?: (report: BatchReport) => void;
}

export interface FitTextModelResult {
  history: EpochReport[];
  bestEpoch: number;
  stoppedEarly: boolean;
  /** P(positive) per dev text from the restored best weights. */
  devScores: Float32Array;
}

/**
 * The epoch loop of `trainModel` (@dl-suite/ml-training) for variable-length text: batches of
 * similar length padded only to their own longest text, one `trainOnBatch` each. Seeded order and
 * dropout, a per-epoch learning rate, early stopping on dev accuracy with best-weight restore,
 * and the same EpochReport/BatchReport events, so the same progress reporter prints them.
 */
export async function fitTextModel(options: FitTextModelOptions): Promise<FitTextModelResult> {
  const { model, train, dev, epochs, batchSize, seed } = options;
  const optimizer = model.optimizer;
  const orderRng = createRng(seed);
  const dropoutRng = createRng(seed ^ 0x5bd1e995);
  const stopper = new EarlyStopping({ metric: 'val_acc', mode: 'max', patience: options.patience, restoreBest: true });
  const lengths = train.ids.map((ids) => ids.length);
  const order = Int32Array.from({ length: train.ids.length }, (_, i) => i);
  const history: EpochReport[] = [];
  let best: tf.Tensor[] = [];
  let stoppedEarly = false;

  try {
    for (let epoch = 0; epoch < epochs && !stoppedEarly; epoch++) {
      const started = performance.now();
      setOptimizerLearningRate(optimizer, learningRateAt(options.learningRate, epoch, epochs));
      const batches = lengthBucketedBatches(orderRng.shuffle(order), lengths, batchSize, orderRng);
      const loss = await withSeededMathRandom(dropoutRng, () => trainEpoch(model, train, batches, epoch, options.onBatchEnd));
      const devScores = predictScores(model, dev, batchSize * 4);
      const metrics = { loss, val_loss: crossEntropy(dev.labels, devScores), val_acc: binaryMetricsAt(dev.labels, devScores, 0.5).accuracy };
      const { improved, stop } = stopper.update(epoch, metrics);
      if (improved) {
        tf.dispose(best);
        best = model.getWeights().map((w) => w.clone());
      }
      stoppedEarly = stop && epoch < epochs - 1;
      const report: EpochReport = {
        epoch,
        epochs,
        metrics,
        learningRate: learningRateAt(options.learningRate, epoch, epochs),
        seconds: (performance.now() - started) / 1000,
        improved,
      };
      history.push(report);
      options.onEpochEnd?.(report);
    }
    if (best.length > 0) model.setWeights(best);
  } finally {
    tf.dispose(best);
  }
  return { history, bestEpoch: stopper.bestEpoch, stoppedEarly, devScores: predictScores(model, dev, batchSize * 4) };
}

async function trainEpoch(
  model: tf.LayersModel,
  data: EncodedTexts,
  batches: number[][],
  epoch: number,
  onBatchEnd: FitTextModelOptions['onBatchEnd'],
): Promise<number> {
  let lossSum = 0;
  let rows = 0;
  for (const [batch, rowsOfBatch] of batches.entries()) {
    const { x, y } = batchTensors(data, rowsOfBatch);
    try {
      const loss = Number(await model.trainOnBatch(x, y));
      lossSum += loss * rowsOfBatch.length;
      rows += rowsOfBatch.length;
      onBatchEnd?.({ epoch, batch, batches: batches.length, loss });
    } finally {
      tf.dispose([...x, y]);
    }
  }
  return lossSum / rows;
}

/** P(positive) = softmax(logits)[1] for every text, in the order of `data`. */
export function predictScores(model: tf.LayersModel, data: EncodedTexts, batchSize: number): Float32Array {
  const scores = new Float32Array(data.ids.length);
  for (const rows of batchesByLength(data.ids.map((ids) => ids.length), batchSize)) {
    const { x, y } = batchTensors(data, rows);
    const positive = tf.tidy(() => tf.softmax(model.predict(x) as tf.Tensor2D).slice([0, 1], [-1, 1]).dataSync());
    tf.dispose([...x, y]);
    rows.forEach((r, i) => (scores[r] = positive[i] as number));
  }
  return scores;
}

function crossEntropy(labels: Uint8Array, scores: Float32Array): number {
  let sum = 0;
  labels.forEach((label, i) => (sum -= Math.log(Math.max(1e-7, label === 1 ? (scores[i] as number) : 1 - (scores[i] as number)))));
  return sum / labels.length;
}
