export { ModelFolderError } from './errors';
export { sha256Bytes, sha256File, sha256OfFiles } from './hashing';
export {
  loadSpeechRecognizer,
  type CtcLogits,
  type CtcVocabulary,
  type SpeechRecognizer,
  type SpeechRecognizerOptions,
  type TranscribeOptions,
  type Transcript,
} from './hf-asr';
export { loadImageClassifier, type ImageClassifier, type PixelImage } from './hf-image';
export {
  loadHfTokenizer,
  loadTextClassifier,
  type HfLoadOptions,
  type HfTokenizer,
  type TextClassification,
  type TextClassifier,
} from './hf-pipelines';
export { loadModelFolder, type LoadedModelFolder } from './load-model-folder';
export { modelManifestSchema, type ManifestDraft, type ModelManifest } from './manifest';
export { OnnxModel, type ModelSource, type OnnxModelOptions } from './onnx-model';
export type { InputData, InputDtype, InputTensor, OutputData, OutputTensor } from './tensors';
export type { WarmupSpec } from './warmup';
export { writeModelFolder, type ModelFolderContent } from './write-model-folder';
export { MODEL_CARD_FILE, readModelCard } from './model-card';
