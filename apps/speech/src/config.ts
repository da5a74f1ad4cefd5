import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_SECONDS } from '@dl-suite/audio';
import { baseServiceEnv, defineConfig, envBool, envBytes, envInt } from '@dl-suite/service-kit';
import { z } from 'zod';

/** The model trained by `nx run speech:train` and committed with the repository. */
export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../../models/speech-digits-ctc', import.meta.url));
/** Where the repository's README puts the shared datasets (beside the checkout). */
export const FSDD_DIR = fileURLToPath(new URL('../../../../shared/datasets/fsdd/recordings', import.meta.url));

export const SpeechEnvSchema = baseServiceEnv({ port: 3003 }).extend({
  /** A local wav2vec2-CTC or Whisper folder, or a hub id (e.g. Xenova/whisper-tiny.en) when ALLOW_REMOTE_MODELS is on. */
  MODEL: z.string().trim().min(1).default(BUNDLED_MODEL_DIR),
  ALLOW_REMOTE_MODELS: envBool().default(false),
  /** 30 minutes of 16-bit mono WAV at 16 kHz is 58 MB; compressed formats are far smaller. */
  UPLOAD_LIMIT: envBytes().default(100 * 2 ** 20),
  MAX_AUDIO_SECONDS: envInt(1, 24 * 3600).default(DEFAULT_MAX_SECONDS),
  MAX_QUEUE: envInt(1, 10_000).default(32),
  // 30 minutes of audio at a real-time factor of 0.05 is 90 s of work.
  INFERENCE_TIMEOUT_MS: envInt(1, 3_600_000).default(300_000),
  ORT_THREADS: envInt(1, 64).default(2),
});

export type SpeechConfig = z.output<typeof SpeechEnvSchema>;

export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): SpeechConfig => defineConfig(SpeechEnvSchema, env);
