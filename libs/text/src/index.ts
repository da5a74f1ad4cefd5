export { CONFIG_FILE, ONNX_FILE, textClassificationConfig } from './hf-folder/hf-config';
export {
  writeHfTextClassificationFolder,
  type HfManifestFields,
  type HfTextClassificationContent,
} from './hf-folder/write-hf-text-classification-folder';
export {
  fromHfTokenizerFiles,
  loadWordPieceTokenizer,
  toHfTokenizerFiles,
  TOKENIZER_CONFIG_FILE,
  TOKENIZER_FILE,
} from './tokenizer/hf-tokenizer-files';
export type { Replacement } from './tokenizer/normalize';
export { SPECIAL_TOKENS } from './tokenizer/special-tokens';
export { trainWordPiece, type WordPieceTrainingOptions } from './tokenizer/train-wordpiece';
export {
  WordPieceTokenizer,
  type BatchEncoding,
  type BatchOptions,
  type Encoding,
  type TokenizerSettings,
} from './tokenizer/wordpiece-tokenizer';
