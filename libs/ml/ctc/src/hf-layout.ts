export interface Wav2Vec2CtcLayoutOptions {
  /** Token per id. Id 0 is the CTC blank and doubles as the pad token, as in wav2vec2 vocabularies. */
  vocabulary: readonly string[];
  /** Token between words, turned into a space by the tokenizer (default '|'). */
  wordDelimiter?: string;
  /** Samples per logit frame; stored as `conv_stride` so loaders can time frames as for wav2vec2. */
  hop: number;
  /** Samples one frame sees (default: hop); stored as `conv_kernel`, the shortest input the model accepts. */
  window?: number;
  /** Input rate the model was trained at (default 16000). */
  samplingRate?: number;
  /**
   * Whether the feature extractor standardises each input to zero mean and unit variance
   * (wav2vec2 checkpoints mostly do). Must match training; default false (raw samples).
   */
  doNormalize?: boolean;
}

/**
 * The JSON files (besides `onnx/model.onnx`) that make transformers.js's
 * automatic-speech-recognition pipeline run a CTC model as `model_type: "wav2vec2"`.
 */
export function wav2vec2CtcFiles(options: Wav2Vec2CtcLayoutOptions): Record<string, string> {
  const { vocabulary, wordDelimiter = '|', hop, window = hop, samplingRate = 16000, doNormalize = false } = options;
  const blank = vocabulary[0];
  if (blank === undefined) throw new Error('wav2vec2CtcFiles: the vocabulary is empty');
  if (new Set(vocabulary).size !== vocabulary.length) throw new Error('wav2vec2CtcFiles: the vocabulary repeats a token');
  if (!vocabulary.includes(wordDelimiter)) {
    throw new Error(`wav2vec2CtcFiles: the word delimiter '${wordDelimiter}' is not in the vocabulary`);
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'config.json': json({
      model_type: 'wav2vec2',
      architectures: ['Wav2Vec2ForCTC'],
      vocab_size: vocabulary.length,
      pad_token_id: 0,
      // As in wav2vec2 configs (one layer here): loaders derive frame timing and minimum input length.
      conv_stride: [hop],
      conv_kernel: [window],
    }),
    'preprocessor_config.json': json({
      feature_extractor_type: 'Wav2Vec2FeatureExtractor',
      processor_class: 'Wav2Vec2Processor',
      feature_size: 1,
      sampling_rate: samplingRate,
      do_normalize: doNormalize,
      padding_side: 'right',
      padding_value: 0,
      return_attention_mask: false,
    }),
    // transformers.js only reads tokenizer.json when tokenizer_config.json exists.
    'tokenizer_config.json': json({
      tokenizer_class: 'Wav2Vec2CTCTokenizer',
      pad_token: blank,
      word_delimiter_token: wordDelimiter,
      do_lower_case: false,
    }),
    'tokenizer.json': json({
      version: '1.0',
      truncation: null,
      padding: null,
      // The blank is deliberately not an added special token: transformers.js drops special
      // tokens *before* the CTC decoder merges repeats, which would turn "t h r e <pad> e" into
      // "thre". Left in the vocabulary, the CTC decoder merges first and then removes it.
      added_tokens: [],
      normalizer: null,
      pre_tokenizer: null,
      post_processor: null,
      // cleanup: true is what makes the decoder replace the word delimiter with a space.
      decoder: { type: 'CTC', pad_token: blank, word_delimiter_token: wordDelimiter, cleanup: true },
      model: { type: 'WordLevel', vocab: Object.fromEntries(vocabulary.map((token, id) => [token, id])), unk_token: blank },
    }),
  };
}
