import * as tf from '@tensorflow/tfjs';
import { ctcLoss } from '@dl-suite/ml-ctc';
import { createRng, EarlyStopping, learningRateAt, setOptimizerLearningRate, withSeededMathRandom, type EpochReport, type Rng } from '@dl-suite/ml-training';
import type { Utterance } from '../data/recording';
import type { Framing } from '../model/speech-model';
import { makeBatch } from './batch';
import { evaluateDigits } from './evaluate';

export interface TrainLoopOptions {
  model: tf.LayersModel;
  /** The model's output framing (CTC frame counts of padded utterances). */
  framing: Framing;
  /** Draws one training utterance (already augmented). */
  nextUtterance: (rng: Rng) => Utterance;
  rng: Rng;
  /** Early-stopping set: the held-out speaker's utterances. */
  validation: readonly Utterance[];
  batchSize: number;
  maxSteps: number;
  /**
   * Batches drawn at once and cut from the utterances sorted by length, so that each batch pads
   * little (one batch: no bucketing).
   */
  bucketBatches: number;
  /** Steps per round; each round ends with a validation pass. */
  stepsPerRound: number;
  /** Rounds without a better validation digit error rate before stopping. */
  patience: number;
  learningRate: number;
  warmupSteps: number;
  /**
   * Cap on the loop's wall-clock time in seconds, checked after each round (the best weights so
   * far are kept). `maxSteps` is what ends a run on a quiet machine; the cap keeps a slow or busy
   * one inside the training budget.
   */
  maxSeconds: number;
  onRound?: (report: EpochReport) => void;
}

export interface TrainLoopResult {
  history: EpochReport[];
  /** 0-based round whose weights the model has now. */
  bestRound: number;
  steps: number;
  seconds: number;
  /** CPU time of the process over the loop (all threads), steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Part of `seconds` spent building and augmenting batches. */
  dataSeconds: number;
  /** The tfjs backend that trained, e.g. 'wasm'. */
  backend: string;
  stoppedBy: 'patience' | 'time' | 'steps';
}

/**
 * Adam on the mean CTC loss, cosine learning-rate decay over `maxSteps` after a linear warm-up,
 * rounds of `stepsPerRound` steps each scored by digit error rate on the validation speaker, and
 * the best round's weights restored at the end. Only trainable weights are handed to the
 * optimizer: otherwise tfjs differentiates the fixed front end too (a third of each step).
 */
export async function trainLoop(options: TrainLoopOptions): Promise<TrainLoopResult> {
  const { model, rng, batchSize, maxSteps, stepsPerRound } = options;
  // Dropout masks: fresh per step, and from `rng` so that a seed reproduces the run (see withSeededMathRandom).
  const dropoutRng = createRng(rng.int(2 ** 31));
  const optimizer = tf.train.adam(options.learningRate);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const stopping = new EarlyStopping({ metric: 'val_der', mode: 'min', patience: options.patience, restoreBest: true });
  const rounds = Math.ceil(maxSteps / stepsPerRound);
  const schedule = { initial: options.learningRate, schedule: 'cosine' as const, warmupEpochs: options.warmupSteps, minimum: options.learningRate / 50 };
  const history: EpochReport[] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const pending: Utterance[][] = [];
  const nextBatch = () => {
    if (pending.length === 0) {
      const drawn = Array.from({ length: batchSize * options.bucketBatches }, () => options.nextUtterance(rng));
      drawn.sort((a, b) => a.samples.length - b.samples.length);
      for (let i = 0; i < drawn.length; i += batchSize) pending.push(drawn.slice(i, i + batchSize));
      rng.shuffle(pending);
    }
    return makeBatch(pending.pop()!, options.framing);
  };
  let best: tf.Tensor[] = [];
  let dataSeconds = 0;
  let step = 0;
  let stoppedBy: TrainLoopResult['stoppedBy'] = 'steps';

  for (let round = 0; round < rounds; round++) {
    const roundStart = performance.now();
    let lossSum = 0;
    let lossCount = 0;
    for (let i = 0; i < stepsPerRound && step < maxSteps; i++, step++) {
      const dataStart = performance.now();
      const batch = nextBatch();
      dataSeconds += (performance.now() - dataStart) / 1000;
      setOptimizerLearningRate(optimizer, learningRateAt(schedule, step, maxSteps));
      const cost = await withSeededMathRandom(dropoutRng, async () =>
        optimizer.minimize(
          () => {
            const logits = model.apply(batch.samples, { training: true }) as tf.Tensor3D;
            return tf.mean(ctcLoss({ logits, labels: batch.labels, inputLengths: batch.frames })) as tf.Scalar;
          },
          true,
          variables,
        )!,
      );
      lossSum += (await cost.data())[0]!;
      lossCount++;
      tf.dispose([cost, batch.samples]);
    }
    const scores = evaluateDigits(model, options.validation, options.framing);
    const metrics = { loss: lossSum / lossCount, val_der: scores.digitErrorRate, val_string_acc: scores.stringAccuracy };
    const decision = stopping.update(round, metrics);
    if (decision.improved) {
      tf.dispose(best);
      best = model.getWeights().map((w) => tf.clone(w));
    }
    const report = { epoch: round, epochs: rounds, metrics, learningRate: learningRateAt(schedule, step - 1, maxSteps), seconds: (performance.now() - roundStart) / 1000, improved: decision.improved };
    history.push(report);
    options.onRound?.(report);
    if (decision.stop) stoppedBy = 'patience';
    else if ((performance.now() - started) / 1000 > options.maxSeconds) stoppedBy = 'time';
    if (decision.stop || stoppedBy === 'time' || step >= maxSteps) break;
  }
  model.setWeights(best);
  tf.dispose(best);
  optimizer.dispose();
  return {
    history,
    bestRound: stopping.bestEpoch,
    steps: step,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpuStarted),
    dataSeconds,
    backend: tf.getBackend(),
    stoppedBy,
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}
