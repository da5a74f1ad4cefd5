import { exportLayersModel, DEFAULT_OPSET } from '@dl-suite/onnx-export';
import { writeModelFolder, type ModelManifest } from '@dl-suite/ml-runtime';
import { FEATURE_NAMES } from '../features/feature-spec';
import type { TrainedFraudModel } from '../training/train-fraud-model';
import { fraudModelCard, type ModelCardContext } from './model-card';
import { PREPROCESSOR_FILE, type DecisionPolicy, type FraudPreprocessor } from './preprocessor';
import { formatDay } from './windows';

export const FRAUD_TASK = 'tabular-binary-classification';

export interface SaveFraudModelOptions extends ModelCardContext {
  dataFingerprint: string;
  dataRows: number;
  seed: number;
  reviewPrecision: number;
  declinePrecision: number;
  extraMetrics?: Record<string, Record<string, number>>;
}

/** Writes the ONNX graph, preprocessing, model card and the manifest that hashes them. */
export async function saveFraudModel(dir: string, trained: TrainedFraudModel, options: SaveFraudModelOptions): Promise<ModelManifest> {
  const onnx = exportLayersModel(trained.model, { inputNames: ['features'], outputNames: ['score'], producerName: 'dl-suite fraud' });
  const preprocessor: FraudPreprocessor = {
    features: [...FEATURE_NAMES],
    piecewiseLinear: trained.piecewiseLinear,
    standardizer: trained.standardizer,
    labelDelayDays: options.labelDelayDays,
  };
  const decision: DecisionPolicy = {
    ...trained.thresholds,
    reviewPrecision: options.reviewPrecision,
    declinePrecision: options.declinePrecision,
  };
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return writeModelFolder(dir, {
    manifest: {
      name: options.name,
      version: options.version,
      task: FRAUD_TASK,
      created: new Date().toISOString(),
      description: 'Card transaction fraud score (MLP over behavioural features)',
      labels: ['legitimate', 'fraud'],
      inputs: [{ name: 'features', dtype: 'float32', shape: ['batch', trained.standardizer.mean.length] }],
      outputs: [{ name: 'score', dtype: 'float32', shape: ['batch', 1] }],
      framework: { trainedWith: '@tensorflow/tfjs 4.22.0', exportedWith: '@dl-suite/onnx-export', opset: DEFAULT_OPSET },
      hyperparameters: {
        ...trained.architecture,
        seed: options.seed,
        ensembleSize: trained.ensembleSize,
        epochs: trained.epochsTrained,
        refit: trained.refit,
        labelDelayDays: options.labelDelayDays,
      },
      data: {
        description: options.dataDescription,
        fingerprint: options.dataFingerprint,
        rows: options.dataRows,
        trainWindow: [formatDay(options.trainWindow.start), formatDay(options.trainWindow.end - 1)],
        validationWindow: [formatDay(trained.validation.window.start), formatDay(trained.validation.window.end - 1)],
      },
      metrics: {
        validation: {
          average_precision: round(trained.metrics.mlp.averagePrecision),
          roc_auc: round(trained.metrics.mlp.rocAuc),
        },
        validation_logistic_regression: {
          average_precision: round(trained.metrics.baseline.averagePrecision),
          roc_auc: round(trained.metrics.baseline.rocAuc),
        },
        ...options.extraMetrics,
      },
      decision,
    },
    files: {
      'model.onnx': onnx,
      [PREPROCESSOR_FILE]: `${JSON.stringify(preprocessor, null, 2)}\n`,
      'MODEL_CARD.md': fraudModelCard(trained, options),
    },
  });
}
