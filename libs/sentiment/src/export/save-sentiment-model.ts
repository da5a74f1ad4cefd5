import { basename } from 'node:path';
import { loadModelFolder, writeModelFolder, type ModelManifest } from '@dl-suite/ml-runtime';
import { DEFAULT_OPSET, exportLayersModel } from '@dl-suite/onnx-export';
import { writeHfTextClassificationFolder } from '@dl-suite/text';
import type { LabelledTexts } from '../data/labelled-tsv';
import { evaluateSentimentFolder, type SentimentEvaluation } from '../evaluation/evaluate-folder';
import { LABELS } from '../model/text-cnn';
import type { TrainedSentimentModel } from '../training/train-sentiment-model';
import { sentimentModelCard, type ModelCardContext } from './model-card';

export const MODEL_CARD_FILE = 'MODEL_CARD.md';

export interface SaveSentimentOptions extends ModelCardContext {
  /** Splits to score through the served pipeline once the folder exists, e.g. { dev }; their metrics go into the manifest and card. */
  evaluate?: Record<string, LabelledTexts>;
}

export interface SavedSentimentModel {
  manifest: ModelManifest;
  /** By split name, measured on the written folder through transformers.js. */
  evaluations: Record<string, SentimentEvaluation>;
}

/**
 * Writes the Hugging Face text-classification folder (config.json, tokenizer files,
 * onnx/model.onnx), MODEL_CARD.md and a manifest hashing every file, with the recipe, the
 * training file's sha256 as data fingerprint, the dev accuracy and the training time. Then scores
 * the `evaluate` splits through the folder itself and records those served-model metrics.
 */
export async function saveSentimentModel(dir: string, trained: TrainedSentimentModel, options: SaveSentimentOptions): Promise<SavedSentimentModel> {
  const onnx = exportLayersModel(trained.model, { outputNames: ['logits'], producerName: 'dl-suite sentiment', int8Embeddings: true });
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const written = await writeHfTextClassificationFolder(dir, {
    onnx,
    tokenizer: trained.tokenizer,
    labels: LABELS,
    maxLength: trained.recipe.maxLength,
    manifest: {
      name: options.name,
      version: options.version,
      created: new Date().toISOString(),
      description: trained.wordVectors === null
        ? 'Sentence sentiment (negative/positive): text CNN trained from scratch on SST-2'
        : `Sentence sentiment (negative/positive): text CNN trained on SST-2, embeddings initialised from word vectors (${basename(trained.wordVectors.source)})`,
      framework: { trainedWith: '@tensorflow/tfjs 4.22.0', exportedWith: '@dl-suite/onnx-export', opset: DEFAULT_OPSET, backend: trained.backend },
      hyperparameters: {
        ...trained.recipe,
        wordVectors: trained.wordVectors === null ? 'none' : basename(trained.wordVectors.source),
        pretrainedTokens: trained.wordVectors?.pretrainedTokens ?? 0,
        bestEpochs: trained.members.map((m) => m.bestEpoch),
        trainingSeconds: round(trained.timing.wallSeconds),
        trainingCpuSeconds: round(trained.timing.cpuSeconds),
      },
      data: {
        description: `${trained.data.train.file} (train, ${trained.data.train.rows} rows); ${trained.data.dev.file} (dev, early stopping)`,
        fingerprint: trained.data.train.sha256,
        rows: trained.data.train.rows,
        devFingerprint: trained.data.dev.sha256,
      },
      metrics: { dev_tfjs: { accuracy: round(trained.metrics.devAccuracy) } },
    },
    extraFiles: { [MODEL_CARD_FILE]: sentimentModelCard(trained, options, {}) },
  });

  const evaluations: Record<string, SentimentEvaluation> = {};
  for (const [split, data] of Object.entries(options.evaluate ?? {})) evaluations[split] = await evaluateSentimentFolder(dir, data);
  if (Object.keys(evaluations).length === 0) return { manifest: written, evaluations };

  // Only the card and manifest change; the served files (and transformers.js' caches of them) stay.
  await loadModelFolder(dir);
  const { files, sizes: _sizes, ...draft } = written;
  const manifest = await writeModelFolder(dir, {
    manifest: { ...draft, metrics: { ...draft.metrics, ...evaluations } },
    files: { [MODEL_CARD_FILE]: sentimentModelCard(trained, options, evaluations) },
    existingFiles: Object.keys(files).filter((path) => path !== MODEL_CARD_FILE),
  });
  return { manifest, evaluations };
}
