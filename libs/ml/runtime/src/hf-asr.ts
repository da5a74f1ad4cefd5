import { availableParallelism } from 'node:os';
import { pipeline, type Tensor } from '@huggingface/transformers';
import { locateHfModel, type HfSourceOptions } from './hf-source';
import type { ModelManifest } from './manifest';

export interface SpeechRecognizerOptions extends HfSourceOptions {
  /** onnxruntime threads per operator (default: os.availableParallelism(), as for OnnxModel). */
  intraOpThreads?: number;
}

/** Passed through to the pipeline; CTC models ignore them (transformers.js reads them for Whisper only). */
export interface TranscribeOptions {
  /** `true`: segment timestamps, `'word'`: word timestamps (Whisper). */
  timestamps?: boolean | 'word';
  /** Split long audio into windows of this many seconds (Whisper; 30 is its window). */
  chunkSeconds?: number;
  /** Overlap between windows (default chunkSeconds / 6). */
  strideSeconds?: number;
  language?: string;
  task?: 'transcribe' | 'translate';
}

export interface Transcript {
  text: string;
  chunks?: { text: string; timestamp: [number, number | null] }[];
}

/** Frame scores of a CTC model, row-major `[frames, vocab]`, for alignment and word timestamps. */
export interface CtcLogits {
  data: Float32Array;
  frames: number;
  vocab: number;
  secondsPerFrame: number;
}

/** What decoding CTC logits needs, read from the model's own tokenizer. */
export interface CtcVocabulary {
  /** Token string per id. */
  tokens: string[];
  blankId: number;
  wordDelimiter: string;
  /** Tokens that are not text (`<s>`, `<unk>`…). */
  specialTokens: string[];
}

export interface SpeechRecognizer {
  /** Absolute folder path or hub id. */
  readonly source: string;
  /** config.json `model_type`: 'wav2vec2', 'whisper'… */
  readonly modelType: string;
  /** The rate `samples` must have. */
  readonly samplingRate: number;
  /** The folder's verified manifest, when it has one. */
  readonly manifest: ModelManifest | undefined;
  /** Set for CTC models (wav2vec2 family), whose logits `logits()` returns. */
  readonly ctc: CtcVocabulary | undefined;
  /** The pipeline's own transcription of mono samples at `samplingRate`. */
  transcribe(samples: Float32Array, options?: TranscribeOptions): Promise<Transcript>;
  /** CTC models only: logits from the pipeline's feature extractor and ONNX session, one run. */
  logits(samples: Float32Array): Promise<CtcLogits>;
  dispose(): Promise<void>;
}

// transformers.js's ASR pipeline sends these model types down its CTC path (_call_wav2vec2).
const CTC_MODEL_TYPES = new Set(['wav2vec2', 'wav2vec2-bert', 'unispeech', 'unispeech-sat', 'hubert', 'parakeet_ctc']);

/** The parts of transformers.js's pipeline object used here (its public typings do not expose them). */
interface AsrPipeline {
  (audio: Float32Array, options?: Record<string, unknown>): Promise<Transcript>;
  model: { config: { model_type: string; conv_stride?: number[]; conv_kernel?: number[] } } & ((inputs: unknown) => Promise<{ logits: Tensor }>);
  processor: { feature_extractor: { config: { sampling_rate: number } } } & ((audio: Float32Array) => Promise<unknown>);
  tokenizer: {
    get_vocab(): Map<string, number>;
    pad_token_id: number | undefined;
    all_special_tokens: string[];
    config: { word_delimiter_token?: string };
  };
  dispose(): Promise<void>;
}

/**
 * Loads a local model folder (verified against its manifest.json when it has one) or, with
 * `allowRemote`, a Hugging Face hub id, as a transformers.js automatic-speech-recognition pipeline.
 */
export async function loadSpeechRecognizer(
  dirOrHubId: string,
  options: SpeechRecognizerOptions = {},
): Promise<SpeechRecognizer> {
  const located = await locateHfModel(
    dirOrHubId,
    options,
    (s) => `Speech model '${s}' is not a local folder, and remote models are not allowed`,
  );
  const { id: source, manifest: verified } = located;
  const manifest = verified ?? undefined;
  const asr = (await pipeline('automatic-speech-recognition', source, {
    local_files_only: !located.remote,
    device: 'cpu',
    dtype: 'fp32',
    session_options: { intraOpNumThreads: options.intraOpThreads ?? availableParallelism() },
  })) as unknown as AsrPipeline;

  const modelType = asr.model.config.model_type;
  const samplingRate = asr.processor.feature_extractor.config.sampling_rate;
  const ctc = CTC_MODEL_TYPES.has(modelType) ? ctcVocabulary(asr) : undefined;
  const { conv_stride: strides, conv_kernel: kernels } = asr.model.config;
  const hop = strides?.reduce((a, b) => a * b, 1);
  // Shorter input yields no frame: the convolution front end fails on it (and transformers.js
  // prints the whole input to stderr), so it is answered as silence without running the model.
  const minSamples = ctc ? receptiveField(kernels, strides) : 0;

  return {
    source,
    modelType,
    samplingRate,
    manifest,
    ctc,
    async transcribe(samples, transcribeOptions = {}) {
      if (samples.length < minSamples) return { text: '' };
      return asr(samples, pipelineOptions(transcribeOptions));
    },
    async logits(samples) {
      if (!ctc) throw new Error(`logits() needs a CTC model; '${source}' is a ${modelType} model`);
      if (samples.length < minSamples) {
        return { data: new Float32Array(0), frames: 0, vocab: ctc.tokens.length, secondsPerFrame: (hop ?? minSamples) / samplingRate };
      }
      const { logits } = await asr.model(await asr.processor(samples));
      const [, frames = 0, vocab = 0] = logits.dims;
      // conv_stride is exact for wav2vec2-style front ends; the ratio is the fallback.
      const samplesPerFrame = hop ?? samples.length / Math.max(frames, 1);
      return { data: logits.data as Float32Array, frames, vocab, secondsPerFrame: samplesPerFrame / samplingRate };
    },
    dispose: () => asr.dispose(),
  };
}

/** Samples one output frame sees through a stack of 1-D convolutions (1 when the config does not say). */
function receptiveField(kernels: number[] | undefined, strides: number[] | undefined): number {
  if (!kernels || !strides || kernels.length !== strides.length) return 1;
  let field = 1;
  let jump = 1;
  kernels.forEach((kernel, i) => {
    field += (kernel - 1) * jump;
    jump *= strides[i] as number;
  });
  return field;
}

function ctcVocabulary(asr: AsrPipeline): CtcVocabulary {
  const tokens: string[] = [];
  for (const [token, id] of asr.tokenizer.get_vocab()) tokens[id] = token;
  return {
    tokens,
    blankId: asr.tokenizer.pad_token_id ?? 0,
    wordDelimiter: asr.tokenizer.config.word_delimiter_token ?? '|',
    specialTokens: asr.tokenizer.all_special_tokens,
  };
}

function pipelineOptions(options: TranscribeOptions): Record<string, unknown> {
  const mapped: Record<string, unknown> = {
    return_timestamps: options.timestamps,
    chunk_length_s: options.chunkSeconds,
    stride_length_s: options.strideSeconds,
    language: options.language,
    task: options.task,
  };
  return Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== undefined));
}
