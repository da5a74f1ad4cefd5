import { fileURLToPath } from 'node:url';
import { baseServiceEnv, defineConfig, envBytes, envInt } from '@dl-suite/service-kit';
import { z } from 'zod';

/** The model trained by `nx run fraud:train` and committed with the repository. */
export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../../models/fraud-mlp', import.meta.url));

export const FraudEnvSchema = baseServiceEnv({ port: 3004 }).extend({
  MODEL: z.string().trim().min(1).default(BUNDLED_MODEL_DIR),
  // Each transaction costs 13 model rows (the score and one per reason), so batches can be large.
  MAX_BATCH_SIZE: envInt(1, 4096).default(512),
  // A fraud model call takes well under a millisecond: waiting for batch-mates would cost a
  // single request more than it saves. With 0, what queues while a batch runs forms the next batch.
  MAX_BATCH_DELAY_MS: envInt(0, 60_000).default(0),
  MAX_QUEUE: envInt(1, 1_000_000).default(8192),
  MAX_TRANSACTIONS_PER_REQUEST: envInt(1, 100_000).default(1000),
  BODY_LIMIT: envBytes().default(4 * 2 ** 20),
  RESULT_CACHE_SIZE: envInt(1, 10_000_000).default(200_000),
  // One intra-op thread: the MLP is too small to split, and a spinning second thread steals the
  // core that parses requests (measured: single-request throughput 713 → 1,710/s on 2 cores).
  ORT_THREADS: envInt(1, 64).default(1),
});

export type FraudConfig = z.output<typeof FraudEnvSchema>;

export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): FraudConfig =>
  defineConfig(FraudEnvSchema, env);
