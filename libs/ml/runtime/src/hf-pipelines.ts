import { availableParallelism } from 'node:os';
import { AutoTokenizer, pipeline } from '@huggingface/transformers';
import { z } from 'zod';
import { locateHfModel, type HfSourceOptions } from './hf-source';
import type { ModelManifest } from './manifest';

export interface HfLoadOptions extends HfSourceOptions {
  /** onnxruntime threads per operator (default: os.availableParallelism()). */
  intraOpThreads?: number;
}

export interface TextClassification {
  label: string;
  score: number;
  /** The text had more tokens than the model's maxLength; only the first maxLength were classified. */
  truncated: boolean;
}

export interface TextClassifier {
  /** Absolute folder path, or the hub id. */
  readonly source: string;
  /** The folder's manifest, sha256-verified before loading; null for hub models and folders without one. */
  readonly manifest: ModelManifest | null;
  /** Class names by logit index (config.json id2label). */
  readonly labels: readonly string[];
  /** Tokens the model sees per text, specials included (tokenizer_config.json model_max_length); null if unbounded. */
  readonly maxLength: number | null;
  /** The transformers.js text-classification pipeline: pad to the longest text, truncate, softmax, best label. */
  classify(texts: readonly string[]): Promise<TextClassification[]>;
  /** The same pipeline's whole softmax per text, in `labels` order (for explanations). */
  probabilities(texts: readonly string[]): Promise<Float32Array[]>;
  /** Token count with [CLS]/[SEP], before truncation. */
  tokenCount(text: string): number;
  dispose(): Promise<void>;
}

export interface HfTokenizer {
  readonly maxLength: number | null;
  /** Ids with specials, untruncated. */
  encode(text: string): number[];
  /** Exactly the feeds the text-classification pipeline builds: padded to the longest row, truncated at maxLength. */
  encodeBatch(texts: readonly string[]): { inputIds: number[][]; attentionMask: number[][] };
}

// A hub repo id as transformers.js validates it ("name" or "owner/name").

const pipelineOutput = z.array(z.object({ label: z.string(), score: z.number() }));
const rankedOutput = z.array(z.array(z.object({ label: z.string(), score: z.number() })));
const ids = z.array(z.number());
const batchOutput = z.object({ input_ids: z.array(ids), attention_mask: z.array(ids) });

/**
 * Loads a text-classification model with transformers.js: a local folder in Hugging Face layout
 * (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx) or, with allowRemote, a
 * hub id such as Xenova/distilbert-base-uncased-finetuned-sst-2-english. A folder with a
 * manifest.json is verified (sha256 of every file) first. Warmed up before it resolves.
 */
export async function loadTextClassifier(source: string, options: HfLoadOptions = {}): Promise<TextClassifier> {
  const located = await locate(source, options);
  const { manifest } = located;
  const classifier = await pipeline('text-classification', located.id, {
    local_files_only: !located.remote,
    session_options: { intraOpNumThreads: options.intraOpThreads ?? availableParallelism() },
  });
  const tokenizer = classifier.tokenizer;
  const maxLength = Number.isFinite(tokenizer.model_max_length) ? tokenizer.model_max_length : null;
  const id2label = z.record(z.string(), z.string()).parse((classifier.model.config as { id2label?: unknown }).id2label ?? {});
  const labels = Object.keys(id2label)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => id2label[key] ?? key);
  const tokenCount = (text: string): number => tokenizer.encode(text).length;

  const model: TextClassifier = {
    source: located.id,
    manifest,
    labels,
    maxLength,
    tokenCount,
    async classify(texts) {
      if (texts.length === 0) return [];
      const results = pipelineOutput.parse(await classifier([...texts]));
      return results.map((r, i) => ({ ...r, truncated: maxLength !== null && tokenCount(texts[i] ?? '') > maxLength }));
    },
    async probabilities(texts) {
      if (texts.length === 0) return [];
      // top_k = every label: the pipeline then returns the full distribution, ranked.
      const ranked = rankedOutput.parse(await classifier([...texts], { top_k: labels.length }));
      return ranked.map((scores) => {
        const row = new Float32Array(labels.length);
        for (const { label, score } of scores) row[labels.indexOf(label)] = score;
        return row;
      });
    },
    dispose: () => classifier.dispose(),
  };
  try {
    await model.classify(['warm-up']);
  } catch (error) {
    await model.dispose();
    throw error;
  }
  return model;
}

/** The model's own tokenizer through transformers.js, for parity checks against other encoders. */
export async function loadHfTokenizer(source: string, options: HfLoadOptions = {}): Promise<HfTokenizer> {
  const located = await locate(source, options);
  const tokenizer = await AutoTokenizer.from_pretrained(located.id, { local_files_only: !located.remote });
  return {
    maxLength: Number.isFinite(tokenizer.model_max_length) ? tokenizer.model_max_length : null,
    encode: (text) => tokenizer.encode(text),
    encodeBatch(texts) {
      const out = batchOutput.parse(tokenizer([...texts], { padding: true, truncation: true, return_tensor: false }));
      return { inputIds: out.input_ids, attentionMask: out.attention_mask };
    },
  };
}

function locate(source: string, options: HfSourceOptions) {
  return locateHfModel(source, options, (s) => `Model '${s}' is not a local folder, and remote models are disabled (allowRemote: false)`);
}
