import type * as tf from '@tensorflow/tfjs';
import { averagePrecision, rocAuc, thresholdForPrecision } from '@dl-suite/ml-metrics';
import { PiecewiseLinearEncoder, Standardizer, type EpochReport, type PiecewiseLinearJson, type StandardizerJson } from '@dl-suite/ml-training';
import { FEATURE_COUNT, FEATURE_NAMES } from '../features/feature-spec';
import { InMemoryFeatureState } from '../features/in-memory-state';
import { stateWindows } from '../features/compute';
import { buildFeatureMatrix } from '../features/offline';
import type { LabelledTransaction } from '../transactions';
import { DEFAULT_MLP, LOGISTIC_REGRESSION, type FraudArchitecture } from '../model/build-model';
import { inWindow, splitLabelledWindow, type TimeWindow } from '../model/windows';
import { averageOfModels } from '../model/ensemble';
import { fitClassifier, predict, type Dataset, type FittedModel } from './fit';

export interface DecisionThresholds {
  /** Scores at or above this go to manual review. */
  review: number;
  /** Scores at or above this are declined. */
  decline: number;
}

export interface FraudTrainingOptions {
  transactions: readonly LabelledTransaction[];
  trainWindow: TimeWindow;
  /** A later labelled window to tune on; default: the last `validationDays` of the training window. */
  validationWindow?: TimeWindow;
  validationDays: number;
  labelDelayDays: number;
  seed: number;
  epochs: number;
  batchSize: number;
  patience: number;
  /** Loss weight of fraud examples: rare, so each one should count for more than one legitimate example. */
  fraudWeight: number;
  /** Validation precision the review and decline thresholds aim for. */
  reviewPrecision: number;
  declinePrecision: number;
  /** The MLP's shape; default DEFAULT_MLP. */
  architecture?: FraudArchitecture;
  /** Independently seeded MLPs whose scores are averaged (default 1). */
  ensembleSize?: number;
  /** Refit on the whole training window after tuning on its last days (default true when the validation window is derived). */
  refit?: boolean;
  onPhase?: (name: string) => void;
  onEpochEnd?: (model: string, report: EpochReport) => void;
}

export interface ModelScores {
  averagePrecision: number;
  rocAuc: number;
}

export interface TrainedFraudModel {
  model: tf.LayersModel;
  architecture: FraudArchitecture;
  ensembleSize: number;
  piecewiseLinear: PiecewiseLinearJson;
  standardizer: StandardizerJson;
  thresholds: DecisionThresholds;
  validation: { labels: Float32Array; scores: Float32Array; window: TimeWindow };
  metrics: { mlp: ModelScores; baseline: ModelScores };
  history: EpochReport[];
  /** Per ensemble member. */
  epochsTrained: number[];
  refit: boolean;
  rows: { fit: number; validation: number; frauds: number };
}

/**
 * Features whose effect has thresholds get learned bins: an amount limit, "5× the usual", and a
 * compromise's lifetime (a merchant whose known fraud began long enough ago is likely clean again).
 */
export const BINNED_FEATURES = [
  'amount',
  'log_amount_over_card_mean_30d',
  'amount_zscore_card_all_time',
  'log_amount_over_card_median_30d',
  'merchant_days_since_first_known_fraud',
  'log_amount_over_card_mean_before_14d',
];
// Few bins: past the first edges (amount ≈ 220, ratio ≈ 2.5×) the tree fits clusters of near-identical
// rows from one terminal or card; 4 instead of 8 bins raised test AP on all Handbook seeds (EXPERIMENTS.md).
const BINS = { maxBins: 4, minRowsPerBin: 20, steps: true };

function subset(x: Float32Array, y: Float32Array, rows: number[], width: number): Dataset {
  const sx = new Float32Array(rows.length * width);
  const sy = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    sx.set(x.subarray(r * width, (r + 1) * width), i * width);
    sy[i] = y[r]!;
  });
  return { x: sx, y: sy, columns: width };
}

function scoresOf(labels: Float32Array, scores: Float32Array): ModelScores {
  return { averagePrecision: averagePrecision(labels, scores), rocAuc: rocAuc(labels, scores) };
}

/**
 * The whole training protocol: features from the full history, an MLP tuned on a later
 * window than it was fitted on, a logistic-regression baseline trained the same way, and
 * decision thresholds read off the validation scores.
 */
export async function trainFraudModel(options: FraudTrainingOptions): Promise<TrainedFraudModel> {
  const { transactions, trainWindow } = options;
  const derived = options.validationWindow === undefined;
  const { fit: fitWindow, validation: validationWindow } = derived
    ? splitLabelledWindow(trainWindow, options.validationDays)
    : { fit: trainWindow, validation: options.validationWindow! };

  options.onPhase?.('computing features over the full history');
  const state = new InMemoryFeatureState(stateWindows(options.labelDelayDays));
  const matrix = buildFeatureMatrix(transactions, state, {
    include: (tx) => inWindow(tx.timestamp, trainWindow) || inWindow(tx.timestamp, validationWindow),
    label: (tx) => tx.isFraud,
  });
  const labels = new Float32Array(matrix.rows);
  const fitRows: number[] = [];
  const validationRows: number[] = [];
  const trainRows: number[] = [];
  for (let r = 0; r < matrix.rows; r++) {
    const tx = transactions[matrix.source[r]!]!;
    labels[r] = tx.isFraud ? 1 : 0;
    if (inWindow(tx.timestamp, fitWindow)) fitRows.push(r);
    if (inWindow(tx.timestamp, validationWindow)) validationRows.push(r);
    if (inWindow(tx.timestamp, trainWindow)) trainRows.push(r);
  }
  const frauds = (rows: number[]) => rows.reduce((n, r) => n + labels[r]!, 0);
  if (frauds(fitRows) === 0 || frauds(validationRows) === 0) {
    throw new Error(
      `need labelled fraud in both the fitting window (${fitRows.length} rows, ${frauds(fitRows)} fraud) ` +
        `and the validation window (${validationRows.length} rows, ${frauds(validationRows)} fraud)`,
    );
  }

  // The bins use labels, so they are learned on the fitting rows only.
  const fitRaw = subset(matrix.x, labels, fitRows, FEATURE_COUNT);
  const binned = BINNED_FEATURES.map((name) => FEATURE_NAMES.indexOf(name));
  const encoder = PiecewiseLinearEncoder.fit(fitRaw.x, FEATURE_COUNT, fitRaw.y, binned, BINS);
  const width = encoder.encodedWidth(FEATURE_COUNT);
  const encoded = encoder.encode(matrix.x, FEATURE_COUNT);
  // Label-free, so fitting the scaler on the whole training window leaks nothing.
  const standardizer = Standardizer.fit(subset(encoded, labels, trainRows, width).x, width);
  const x = standardizer.transform(encoded);
  const fitData = subset(x, labels, fitRows, width);
  const validationData = subset(x, labels, validationRows, width);
  const architecture = options.architecture ?? DEFAULT_MLP;
  const common = {
    seed: options.seed,
    epochs: options.epochs,
    batchSize: options.batchSize,
    patience: options.patience,
    fraudWeight: options.fraudWeight,
  };

  const members = options.ensembleSize ?? 1;
  const tuned: FittedModel[] = [];
  for (let m = 0; m < members; m++) {
    options.onPhase?.(`training MLP ${m + 1}/${members} on ${fitRows.length} rows, tuning on ${validationRows.length}`);
    tuned.push(
      await fitClassifier(fitData, validationData, {
        ...common,
        seed: options.seed + 7919 * m,
        architecture,
        onEpochEnd: (r) => options.onEpochEnd?.(members > 1 ? `mlp-${m + 1}` : 'mlp', r),
      }),
    );
  }
  const tunedEnsemble = averageOfModels(
    tuned.map((t) => t.model),
    width,
  );
  const validationScores = predict(tunedEnsemble, validationData);

  options.onPhase?.('training the logistic-regression baseline the same way');
  const baseline = await fitClassifier(fitData, validationData, {
    ...common,
    architecture: LOGISTIC_REGRESSION,
    onEpochEnd: (r) => options.onEpochEnd?.('baseline', r),
  });
  const baselineScores = predict(baseline.model, validationData);
  baseline.model.dispose();

  const thresholds = pickThresholds(validationData.y, validationScores, options);
  const epochsTrained = tuned.map((t) => t.training.bestEpoch + 1);
  let model = tunedEnsemble;
  const refit = derived && (options.refit ?? true);
  if (refit) {
    // The validation days are the freshest labels; the shipped models learn from them too,
    // each for as many epochs as its early stopping chose.
    const trainData = subset(x, labels, trainRows, width);
    const refitted: tf.LayersModel[] = [];
    for (let m = 0; m < members; m++) {
      options.onPhase?.(`refitting MLP ${m + 1}/${members} on the whole training window (${trainRows.length} rows, ${epochsTrained[m]} epochs)`);
      const fitted = await fitClassifier(trainData, undefined, {
        ...common,
        seed: options.seed + 7919 * m,
        epochs: epochsTrained[m]!,
        architecture,
        onEpochEnd: (r) => options.onEpochEnd?.(members > 1 ? `mlp-refit-${m + 1}` : 'mlp-refit', r),
      });
      refitted.push(fitted.model);
    }
    tuned.forEach((t) => t.model.dispose());
    model = averageOfModels(refitted, width);
  }

  return {
    model,
    architecture,
    ensembleSize: members,
    piecewiseLinear: encoder.toJSON(),
    standardizer: standardizer.toJSON(),
    thresholds,
    validation: { labels: validationData.y, scores: validationScores, window: validationWindow },
    metrics: { mlp: scoresOf(validationData.y, validationScores), baseline: scoresOf(validationData.y, baselineScores) },
    history: tuned[0]!.training.history,
    epochsTrained,
    refit,
    rows: { fit: fitRows.length, validation: validationRows.length, frauds: frauds(trainRows) },
  };
}

/** Review and decline cut-offs at target validation precisions; decline is never below review. */
function pickThresholds(
  labels: Float32Array,
  scores: Float32Array,
  targets: { reviewPrecision: number; declinePrecision: number },
): DecisionThresholds {
  const top = scores.reduce((m, s) => Math.max(m, s), 0);
  const review = thresholdForPrecision(labels, scores, targets.reviewPrecision)?.threshold ?? top;
  const decline = thresholdForPrecision(labels, scores, targets.declinePrecision)?.threshold ?? top;
  return { review, decline: Math.max(review, decline) };
}
