export const CONFIG_FILE = 'config.json';
/** Where transformers.js looks for the graph of an encoder-only model at dtype fp32. */
export const ONNX_FILE = 'onnx/model.onnx';

export interface TextClassificationConfigOptions {
  labels: readonly string[];
  vocabSize: number;
  maxLength: number;
  padTokenId: number;
}

/**
 * config.json for transformers.js' text-classification pipeline. `model_type` must be one its
 * AutoModelForSequenceClassification maps; "distilbert" fits best because DistilBERT's graph
 * also takes only input_ids + attention_mask and returns logits — the pipeline never looks at the
 * architecture beyond that. The pipeline reads id2label (keys are class indices) and problem_type
 * (softmax for single-label). "transformers.js_config.dtype: fp32" pins onnx/model.onnx even on
 * devices whose default would be a quantized file (wasm → model_quantized.onnx).
 */
export function textClassificationConfig(options: TextClassificationConfigOptions): Record<string, unknown> {
  const { labels } = options;
  return {
    architectures: ['DistilBertForSequenceClassification'],
    model_type: 'distilbert',
    problem_type: 'single_label_classification',
    id2label: Object.fromEntries(labels.map((label, i) => [String(i), label])),
    label2id: Object.fromEntries(labels.map((label, i) => [label, i])),
    vocab_size: options.vocabSize,
    max_position_embeddings: options.maxLength,
    pad_token_id: options.padTokenId,
    'transformers.js_config': { dtype: 'fp32' },
  };
}
