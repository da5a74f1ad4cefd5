import type { Command } from 'commander';
import { loadConfig } from '../config';
import { serve } from '../main';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the image classification service. Environment: PORT (3001), HOST (127.0.0.1), MODEL (bundled folder, or a hub id with ALLOW_REMOTE_MODELS=true), LOG_LEVEL, UPLOAD_LIMIT (32mb), MAX_IMAGE_PIXELS (25000000), MAX_IMAGES_PER_REQUEST (64), MAX_BATCH_SIZE, MAX_BATCH_DELAY_MS, MAX_QUEUE, INFERENCE_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, ORT_THREADS (1).',
    )
    .action(async () => {
      await serve(loadConfig());
    });
}
