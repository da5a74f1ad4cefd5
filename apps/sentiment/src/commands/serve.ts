import type { Command } from 'commander';
import { loadConfig } from '../config';
import { serve } from '../main';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the sentiment service. Environment: PORT (3002), HOST (127.0.0.1), MODEL (bundled folder, any local HF text-classification folder, or a hub id with ALLOW_REMOTE_MODELS=true), LOG_LEVEL, MAX_TEXTS_PER_REQUEST (256), MAX_TEXT_CHARS (100000), BODY_LIMIT (2mb), MAX_BATCH_SIZE (64), MAX_BATCH_DELAY_MS (0), MAX_QUEUE, INFERENCE_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, ORT_THREADS (1).',
    )
    .action(async () => {
      await serve(loadConfig());
    });
}
