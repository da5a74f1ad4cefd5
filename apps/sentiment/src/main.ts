import { loadTextClassifier, readModelCard } from '@dl-suite/ml-runtime';
import { createSentimentService } from '@dl-suite/sentiment-domain';
import { batchingFromEnv, createLogger, startServiceFromEnv, type RunningService } from '@dl-suite/service-kit';
import type { SentimentConfig } from './config';

/** Loads the model, builds the service and listens; SIGTERM drains and exits. */
export async function serve(config: SentimentConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'sentiment', level: config.LOG_LEVEL });
  const classifier = await loadTextClassifier(config.MODEL, { allowRemote: config.ALLOW_REMOTE_MODELS, intraOpThreads: config.ORT_THREADS });
  const model = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;
  logger.info({ model, source: classifier.source, labels: classifier.labels, maxLength: classifier.maxLength }, 'model loaded');
  const service = createSentimentService({
    classifier,
    logger,
    modelCard: await readModelCard(classifier.source),
    maxTextsPerRequest: config.MAX_TEXTS_PER_REQUEST,
    maxTextChars: config.MAX_TEXT_CHARS,
    bodyLimitBytes: config.BODY_LIMIT,
    batching: batchingFromEnv(config),
  });
  return startServiceFromEnv(service, config, { handleSignals: options.handleSignals ?? true, onShutdown: () => classifier.dispose() });
}
