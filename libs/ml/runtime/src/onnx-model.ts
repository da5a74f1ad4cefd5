import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { ModelFolderError } from './errors';
import { loadModelFolder, type LoadedModelFolder } from './load-model-folder';
import type { ModelManifest } from './manifest';
import { fromOrtTensor, toOrtTensor, type InputTensor, type OutputTensor } from './tensors';
import { warmupFeeds, type WarmupSpec } from './warmup';

export interface OnnxModelOptions {
  /** Threads inside one operator (default: os.availableParallelism()). */
  intraOpThreads?: number;
  /** Threads across operators; onnxruntime uses them only in parallel mode, and sessions here run sequentially. */
  interOpThreads?: number;
  /** Inputs for the warm-up run (default: zeros, batch of one, from the model's input metadata); false skips it. */
  warmup?: WarmupSpec | false;
}

/** A model folder path, an already verified folder, or a bare .onnx file (not verified). */
export type ModelSource = string | LoadedModelFolder | { path: string };

// Where ONNX exports and the transformers.js layout put the graph, in order of preference.
const MODEL_FILE_CANDIDATES = ['model.onnx', 'onnx/model.onnx'];

/** An onnxruntime-node session behind plain typed arrays, so callers never see ORT types. */
export class OnnxModel {
  private constructor(
    private readonly session: ort.InferenceSession,
    /** The manifest when loaded from a model folder. */
    readonly manifest: ModelManifest | undefined,
  ) {}

  static async load(source: ModelSource, options: OnnxModelOptions = {}): Promise<OnnxModel> {
    if (typeof source === 'object' && 'path' in source) {
      return OnnxModel.create(await ort.InferenceSession.create(source.path, sessionOptions(options)), undefined, options);
    }
    const folder = typeof source === 'string' ? await loadModelFolder(source) : source;
    const session = await ort.InferenceSession.create(join(folder.dir, modelFile(folder)), sessionOptions(options));
    return OnnxModel.create(session, folder.manifest, options);
  }

  /** For models held in memory: freshly exported ones, parity checks, tests. */
  static async fromBytes(bytes: Uint8Array, options: OnnxModelOptions = {}): Promise<OnnxModel> {
    return OnnxModel.create(await ort.InferenceSession.create(bytes, sessionOptions(options)), undefined, options);
  }

  private static async create(
    session: ort.InferenceSession,
    manifest: ModelManifest | undefined,
    options: OnnxModelOptions,
  ): Promise<OnnxModel> {
    const model = new OnnxModel(session, manifest);
    try {
      // The first run allocates buffers and picks kernels; paying for it here keeps it off the first request.
      if (options.warmup !== false) await model.run(warmupFeeds(session, options.warmup));
    } catch (error) {
      await session.release();
      throw error;
    }
    return model;
  }

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames;
  }

  async run(feeds: Record<string, InputTensor>): Promise<Record<string, OutputTensor>> {
    const missing = this.inputNames.filter((name) => !(name in feeds));
    const unknown = Object.keys(feeds).filter((name) => !this.inputNames.includes(name));
    if (missing.length > 0 || unknown.length > 0) {
      throw new Error(
        `Model inputs are [${this.inputNames.join(', ')}]` +
          (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
          (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
      );
    }
    const ortFeeds = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toOrtTensor(name, t)]));
    const results = await this.session.run(ortFeeds);
    return Object.fromEntries(this.outputNames.map((name) => [name, fromOrtTensor(results[name] as ort.Tensor)]));
  }

  /** Runs a single float input and returns the first output. */
  async runFloat(inputName: string, data: Float32Array, dims: readonly number[]): Promise<OutputTensor> {
    const results = await this.run({ [inputName]: { data, dims } });
    return results[this.outputNames[0] ?? ''] as OutputTensor;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function sessionOptions(options: OnnxModelOptions): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: options.intraOpThreads ?? availableParallelism(),
    ...(options.interOpThreads !== undefined ? { interOpNumThreads: options.interOpThreads } : {}),
  };
}

function modelFile(folder: LoadedModelFolder): string {
  const listed = Object.keys(folder.manifest.files);
  const preferred = MODEL_FILE_CANDIDATES.find((candidate) => listed.includes(candidate));
  if (preferred) return preferred;
  const onnxFiles = listed.filter((path) => path.endsWith('.onnx'));
  if (onnxFiles.length === 1 && onnxFiles[0]) return onnxFiles[0];
  throw new ModelFolderError(
    folder.dir,
    onnxFiles.length === 0
      ? 'manifest lists no .onnx file'
      : `manifest lists several .onnx files (${onnxFiles.join(', ')}) and none is model.onnx or onnx/model.onnx`,
  );
}
