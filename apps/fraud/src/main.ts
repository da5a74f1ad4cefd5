import { batchingFromEnv, createLogger, startServiceFromEnv, type RunningService } from '@dl-suite/service-kit';
import { createFraudService, FraudScorer } from '@dl-suite/fraud-domain';
import type { FraudConfig } from './config';

/** Loads the model, builds the service and listens; SIGTERM drains and exits. */
export async function serve(config: FraudConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'fraud', level: config.LOG_LEVEL });
  const scorer = await FraudScorer.load(config.MODEL, { threads: config.ORT_THREADS });
  logger.info({ model: `${scorer.manifest.name}@${scorer.manifest.version}`, dir: config.MODEL }, 'model loaded');
  const { service } = createFraudService({
    scorer,
    logger,
    maxTransactionsPerRequest: config.MAX_TRANSACTIONS_PER_REQUEST,
    bodyLimitBytes: config.BODY_LIMIT,
    batching: { ...batchingFromEnv(config), resultCacheSize: config.RESULT_CACHE_SIZE },
  });
  return startServiceFromEnv(service, config, { handleSignals: options.handleSignals ?? true, onShutdown: () => scorer.dispose() });
}
