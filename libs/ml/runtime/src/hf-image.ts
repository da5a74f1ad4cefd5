import { availableParallelism } from 'node:os';
import { pipeline, RawImage } from '@huggingface/transformers';
import { z } from 'zod';
import { locateHfModel } from './hf-source';
import type { HfLoadOptions } from './hf-pipelines';
import type { ModelManifest } from './manifest';

/** Decoded pixels, row-major, interleaved channels (1 = grey, 3 = RGB, 4 = RGBA). */
export interface PixelImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export interface ImageClassifier {
  /** Absolute folder path or hub id. */
  readonly source: string;
  /** The folder's sha256-verified manifest; null for hub models and folders without one. */
  readonly manifest: ModelManifest | null;
  /** Class names by logit index (config.json id2label). */
  readonly labels: readonly string[];
  /** The size the image processor resizes to, when its config states one (for explanations' patch sizes). */
  readonly inputSize: { width: number; height: number } | null;
  /**
   * The transformers.js image-classification pipeline (the model's own preprocessing, softmax):
   * one probability per label, in `labels` order, per image.
   */
  probabilities(images: readonly PixelImage[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

const pipelineOutput = z.array(z.array(z.object({ label: z.string(), score: z.number() })));
const sizeConfig = z.union([
  z.number().int().positive().transform((n) => ({ width: n, height: n })),
  z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  z.object({ shortest_edge: z.number().int().positive() }).transform((s) => ({ width: s.shortest_edge, height: s.shortest_edge })),
]);

/**
 * Loads an image-classification model with transformers.js: a local folder in Hugging Face layout
 * (config.json with id2label, preprocessor_config.json, onnx/model.onnx) or, with allowRemote, a hub
 * id such as Xenova/vit-base-patch16-224. A folder with a manifest.json is verified first. Warmed up
 * before it resolves.
 */
export async function loadImageClassifier(source: string, options: HfLoadOptions = {}): Promise<ImageClassifier> {
  const located = await locateHfModel(
    source,
    options,
    (s) => `Model '${s}' is not a local folder, and remote models are disabled (allowRemote: false)`,
  );
  const classifier = await pipeline('image-classification', located.id, {
    local_files_only: !located.remote,
    session_options: { intraOpNumThreads: options.intraOpThreads ?? availableParallelism() },
  });
  const id2label = z.record(z.string(), z.string()).parse((classifier.model.config as { id2label?: unknown }).id2label ?? {});
  const labels = Object.keys(id2label)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => id2label[key] ?? key);
  if (labels.length === 0) throw new Error(`Model '${located.id}' has no id2label in its config.json`);
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const processorConfig = (classifier.processor as unknown as { image_processor?: { config?: { size?: unknown } } })
    .image_processor?.config;
  const size = sizeConfig.safeParse(processorConfig?.size);

  const model: ImageClassifier = {
    source: located.id,
    manifest: located.manifest,
    labels,
    inputSize: size.success ? size.data : null,
    async probabilities(images) {
      if (images.length === 0) return [];
      const raw = images.map((image) => new RawImage(image.data, image.width, image.height, image.channels));
      // top_k = every label, so the ranking the pipeline returns is the full distribution.
      const ranked = pipelineOutput.parse(await classifier(raw, { top_k: labels.length }));
      return ranked.map((scores) => {
        const row = new Float32Array(labels.length);
        for (const { label, score } of scores) row[labelIndex.get(label) ?? -1] = score;
        return row;
      });
    },
    dispose: () => classifier.dispose(),
  };
  try {
    const side = model.inputSize ?? { width: 32, height: 32 };
    await model.probabilities([{ data: new Uint8Array(side.width * side.height), width: side.width, height: side.height, channels: 1 }]);
  } catch (error) {
    await model.dispose();
    throw error;
  }
  return model;
}
