import { OnnxModel, writeModelFolder, type ManifestDraft, type ModelManifest } from '@dl-suite/ml-runtime';
import { toHfTokenizerFiles } from '../tokenizer/hf-tokenizer-files';
import { WordPieceTokenizer } from '../tokenizer/wordpiece-tokenizer';
import { CONFIG_FILE, ONNX_FILE, textClassificationConfig } from './hf-config';

/** The manifest fields only the producer knows (ManifestDraft is loose, so Omit would erase its keys). */
export type HfManifestFields = Pick<
  ManifestDraft,
  'name' | 'version' | 'created' | 'description' | 'framework' | 'hyperparameters' | 'data' | 'metrics'
>;

export interface HfTextClassificationContent {
  /** Exported graph: int64 inputs input_ids [batch, sequence] and attention_mask, float output logits [batch, labels]. */
  onnx: Uint8Array;
  tokenizer: WordPieceTokenizer;
  /** Class names by logit index, e.g. ['negative', 'positive']. */
  labels: readonly string[];
  /** Truncation length written to tokenizer_config.json (default: the tokenizer's modelMaxLength). */
  maxLength?: number;
  /** Everything else the manifest states; task, labels, inputs, outputs and tokenizer are filled in here. */
  manifest: HfManifestFields;
  /** More files to write and hash (MODEL_CARD.md, metrics.json…), by relative path. */
  extraFiles?: Record<string, Uint8Array | string>;
}

const INPUTS = ['input_ids', 'attention_mask'];
const OUTPUT = 'logits';

/**
 * Writes a folder that transformers.js' text-classification pipeline loads as is (config.json,
 * tokenizer.json, tokenizer_config.json, onnx/model.onnx) and that our manifest covers file by
 * file (sha256). The graph is run once on [CLS] [SEP] first, so a folder whose model does not
 * fit the pipeline's contract (names, dtypes, one logit per label) is never written.
 */
export async function writeHfTextClassificationFolder(
  dir: string,
  content: HfTextClassificationContent,
): Promise<ModelManifest> {
  const { labels } = content;
  if (labels.length < 2 || new Set(labels).size !== labels.length) {
    throw new Error(`labels must be at least two distinct names, got ${JSON.stringify(labels)}`);
  }
  const maxLength = content.maxLength ?? content.tokenizer.settings.modelMaxLength;
  const tokenizer = new WordPieceTokenizer(content.tokenizer.vocab, { ...content.tokenizer.settings, modelMaxLength: maxLength });
  await checkGraphContract(content.onnx, tokenizer, labels.length);

  const sequence = ['batch', 'sequence'];
  const config = textClassificationConfig({ labels, vocabSize: tokenizer.vocabSize, maxLength, padTokenId: tokenizer.padId });
  return writeModelFolder(dir, {
    manifest: {
      ...content.manifest,
      task: 'text-classification',
      labels: [...labels],
      inputs: INPUTS.map((name) => ({ name, dtype: 'int64', shape: sequence })),
      outputs: [{ name: OUTPUT, dtype: 'float32', shape: ['batch', labels.length] }],
      tokenizer: { type: 'WordPiece', vocabSize: tokenizer.vocabSize, maxLength, lowercase: tokenizer.settings.lowercase },
    },
    files: {
      ...content.extraFiles,
      [ONNX_FILE]: content.onnx,
      [CONFIG_FILE]: `${JSON.stringify(config, null, 2)}\n`,
      ...toHfTokenizerFiles(tokenizer),
    },
  });
}

async function checkGraphContract(onnx: Uint8Array, tokenizer: WordPieceTokenizer, labelCount: number): Promise<void> {
  const model = await OnnxModel.fromBytes(onnx, { warmup: false, intraOpThreads: 1 });
  try {
    const names = `inputs [${model.inputNames.join(', ')}] and outputs [${model.outputNames.join(', ')}]`;
    if ([...model.inputNames].sort().join() !== [...INPUTS].sort().join() || !model.outputNames.includes(OUTPUT)) {
      throw new Error(`the ONNX graph must have inputs [${INPUTS.join(', ')}] and an output '${OUTPUT}'; it has ${names}`);
    }
    const ids = BigInt64Array.from([tokenizer.clsId, tokenizer.sepId], BigInt);
    const result = await model.run({
      input_ids: { data: ids, dims: [1, 2] },
      attention_mask: { data: BigInt64Array.from([1n, 1n]), dims: [1, 2] },
    });
    const dims = result[OUTPUT]?.dims ?? [];
    if (dims.length !== 2 || dims[0] !== 1 || dims[1] !== labelCount) {
      throw new Error(`'${OUTPUT}' should be [batch, ${labelCount}] for ${labelCount} labels, got [${dims.join(', ')}]`);
    }
  } finally {
    await model.dispose();
  }
}
