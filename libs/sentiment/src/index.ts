export { LabelledTsvError, readLabelledTsv, type LabelledTexts } from './data/labelled-tsv';
export { buildTextCnn, servingModel, INPUT_NAMES, LABELS, textCnnSchema, type TextCnnConfig, type TextCnnOptions } from './model/text-cnn';
export { pretrainedEmbeddingMatrix, withWholeWords, type EmbeddingMatrix, type WholeWordOptions } from './embeddings/pretrained-embeddings';
export { DEFAULT_WORD_VECTORS_PACKAGE, defaultWordVectorsFile, loadWordVectors, type WordVectors } from './embeddings/word-vectors';
export { sentimentRecipeSchema, type SentimentRecipe, type SentimentRecipeOptions } from './training/recipe';
export {
  SST2_REPLACEMENTS,
  trainSentimentModel,
  type DatasetInfo,
  type TrainedSentimentModel,
  type TrainSentimentOptions,
} from './training/train-sentiment-model';
export { evaluateSentimentFolder, type EvaluateOptions, type SentimentEvaluation } from './evaluation/evaluate-folder';
export { MODEL_CARD_FILE, saveSentimentModel, type SaveSentimentOptions, type SavedSentimentModel } from './export/save-sentiment-model';
export type { ModelCardContext } from './export/model-card';
export { createSentimentService, splitWords, wordContributions, type Sentiment, type SentimentServiceOptions, type Word, type WordContribution } from './service';
