import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTextClassifier } from '@dl-suite/ml-runtime';
import { createSentimentService } from '@dl-suite/sentiment-domain';
import { createLogger, startService, type RunningService } from '@dl-suite/service-kit';
import type { SentimentConfig } from './config';

/** Loads the model, builds the service and listens; SIGTERM drains and exits. */
export async function serve(config: SentimentConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'sentiment', level: config.LOG_LEVEL });
  const classifier = await loadTextClassifier(config.MODEL, { allowRemote: config.ALLOW_REMOTE_MODELS, intraOpThreads: config.ORT_THREADS });
  const model = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;
  logger.info({ model, source: classifier.source, labels: classifier.labels, maxLength: classifier.maxLength }, 'model loaded');
  // Hub models have no local card; a local folder's card is served with its manifest.
  const modelCard = await readFile(join(classifier.source, 'MODEL_CARD.md'), 'utf8').catch(() => undefined);
  const service = createSentimentService({
    classifier,
    logger,
    modelCard,
    maxTextsPerRequest: config.MAX_TEXTS_PER_REQUEST,
    maxTextChars: config.MAX_TEXT_CHARS,
    bodyLimitBytes: config.BODY_LIMIT,
    batching: {
      maxBatchSize: config.MAX_BATCH_SIZE,
      maxDelayMs: config.MAX_BATCH_DELAY_MS,
      maxQueue: config.MAX_QUEUE,
      timeoutMs: config.INFERENCE_TIMEOUT_MS,
      concurrency: config.MAX_CONCURRENT_BATCHES,
    },
  });
  return startService(service, {
    port: config.PORT,
    host: config.HOST,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    handleSignals: options.handleSignals ?? true,
    onShutdown: () => classifier.dispose(),
  });
}
