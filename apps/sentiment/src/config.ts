import { fileURLToPath } from 'node:url';
import { baseServiceEnv, defineConfig, envBool, envBytes, envInt } from '@dl-suite/service-kit';
import { z } from 'zod';

/** The model trained by `nx run sentiment:train` and committed with the repository. */
export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../../models/sentiment-cnn', import.meta.url));
/** Where the repository's README puts the shared datasets (beside the checkout). */
export const SST2_DIR = fileURLToPath(new URL('../../../../shared/datasets/sst2', import.meta.url));

export const SentimentEnvSchema = baseServiceEnv({ port: 3002 }).extend({
  /** A local Hugging Face text-classification folder, or a hub id when ALLOW_REMOTE_MODELS is on. */
  MODEL: z.string().trim().min(1).default(BUNDLED_MODEL_DIR),
  ALLOW_REMOTE_MODELS: envBool().default(false),
  MAX_TEXTS_PER_REQUEST: envInt(1, 100_000).default(256),
  /** Far beyond what the model reads (it truncates to its max length), short of a denial of service. */
  MAX_TEXT_CHARS: envInt(1, 10_000_000).default(100_000),
  BODY_LIMIT: envBytes().default(2 * 2 ** 20),
  MAX_BATCH_SIZE: envInt(1, 4096).default(64),
  // A text costs ~0.35 ms in the pipeline: waiting for batch-mates would cost a single request more
  // than it saves; under load, what queues while a batch runs forms the next batch anyway.
  MAX_BATCH_DELAY_MS: envInt(0, 60_000).default(0),
  MAX_QUEUE: envInt(1, 1_000_000).default(4096),
  ORT_THREADS: envInt(1, 64).default(1),
});

export type SentimentConfig = z.output<typeof SentimentEnvSchema>;

export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): SentimentConfig =>
  defineConfig(SentimentEnvSchema, env);
