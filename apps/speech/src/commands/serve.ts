import type { Command } from 'commander';
import { loadConfig } from '../config';
import { serve } from '../main';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the transcription service. Environment: PORT (3003), HOST (127.0.0.1), MODEL (bundled folder, a local wav2vec2-CTC or Whisper folder, or a hub id with ALLOW_REMOTE_MODELS=true), LOG_LEVEL, UPLOAD_LIMIT (100mb), MAX_AUDIO_SECONDS (1800), MAX_CONCURRENT_BATCHES (1), MAX_QUEUE (32), INFERENCE_TIMEOUT_MS (300000), SHUTDOWN_TIMEOUT_MS, ORT_THREADS (2).',
    )
    .action(async () => {
      await serve(loadConfig());
    });
}
