export {
  BACKEND_NAMES,
  TRAINING_KERNELS,
  backendOptionsFromEnv,
  selectBackend,
  type BackendName,
  type SelectBackendOptions,
  type SelectedBackend,
} from './backend';
export { createRng, withSeededMathRandom, type Rng } from './rng';
export { stratifiedSplit, type FractionsSplit, type TestFractionSplit } from './split';
export { Standardizer, type StandardizerJson } from './standardize';
export { classWeights } from './class-weights';
export { learningRateAt, setOptimizerLearningRate, type LearningRateConfig, type LrScheduleName } from './lr-schedule';
export { EarlyStopping, type EarlyStoppingConfig, type EarlyStoppingDecision } from './early-stopping';
export {
  trainModel,
  type BatchReport,
  type EpochReport,
  type Tensors,
  type TrainOptions,
  type TrainResult,
  type ValidationMetricsFn,
} from './train';
export {
  createProgressReporter,
  formatEpochLine,
  phase,
  type ProgressReporter,
  type ProgressReporterOptions,
  type ProgressStream,
} from './progress';
export { PiecewiseLinearEncoder, treeBinEdges, type BinOptions, type PiecewiseLinearJson } from './piecewise-linear';
