import { fileURLToPath } from 'node:url';
import { baseServiceEnv, defineConfig, envBool, envBytes, envInt } from '@dl-suite/service-kit';
import { z } from 'zod';

/** The model trained by `nx run medical-imaging:train` and committed with the repository. */
export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../../models/pneumonia-cnn', import.meta.url));

/** Where the repository's README puts the shared datasets (beside the checkout). */
export const DEFAULT_DATA = fileURLToPath(new URL('../../../../shared/datasets/medmnist/pneumoniamnist.npz', import.meta.url));

export const ImagingEnvSchema = baseServiceEnv({ port: 3001 }).extend({
  /** A local Hugging Face image-classification folder, or a hub id when ALLOW_REMOTE_MODELS is on. */
  MODEL: z.string().trim().min(1).default(BUNDLED_MODEL_DIR),
  ALLOW_REMOTE_MODELS: envBool().default(false),
  /** Largest upload; a DICOM study slice is a few MB, 100 MB is never a single X-ray. */
  UPLOAD_LIMIT: envBytes().default(32 * 2 ** 20),
  /** Decoded width × height; refuses decompression bombs before their pixels are allocated. */
  MAX_IMAGE_PIXELS: envInt(1, 2 ** 31 - 1).default(25_000_000),
  MAX_IMAGES_PER_REQUEST: envInt(1, 10_000).default(64),
  // A 28 px image costs microseconds in the model: big batches, and no waiting for batch-mates.
  MAX_BATCH_SIZE: envInt(1, 4096).default(256),
  MAX_BATCH_DELAY_MS: envInt(0, 60_000).default(0),
  MAX_QUEUE: envInt(1, 1_000_000).default(4096),
  ORT_THREADS: envInt(1, 64).default(1),
});

export type ImagingConfig = z.output<typeof ImagingEnvSchema>;

export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): ImagingConfig =>
  defineConfig(ImagingEnvSchema, env);
