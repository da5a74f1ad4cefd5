import type { Command } from 'commander';
import { loadConfig } from '../config';
import { serve } from '../main';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the fraud scoring service. Environment: PORT (3004), HOST (127.0.0.1), MODEL (bundled model folder), LOG_LEVEL, MAX_BATCH_SIZE, MAX_BATCH_DELAY_MS, MAX_QUEUE, MAX_TRANSACTIONS_PER_REQUEST, INFERENCE_TIMEOUT_MS, BODY_LIMIT, SHUTDOWN_TIMEOUT_MS, ORT_THREADS (1).',
    )
    .action(async () => {
      await serve(loadConfig());
    });
}
