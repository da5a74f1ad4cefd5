import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadImageClassifier } from '@dl-suite/ml-runtime';
import { createImagingService } from '@dl-suite/imaging';
import { createLogger, startService, type RunningService } from '@dl-suite/service-kit';
import type { ImagingConfig } from './config';

/** Loads the model, builds the service and listens; SIGTERM drains and exits. */
export async function serve(config: ImagingConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'medical-imaging', level: config.LOG_LEVEL });
  const classifier = await loadImageClassifier(config.MODEL, { allowRemote: config.ALLOW_REMOTE_MODELS, intraOpThreads: config.ORT_THREADS });
  const model = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;
  logger.info({ model, source: classifier.source, labels: classifier.labels }, 'model loaded');
  // Hub models have no local card; a local folder's card is served with its manifest.
  const modelCard = await readFile(join(classifier.source, 'MODEL_CARD.md'), 'utf8').catch(() => undefined);
  const service = createImagingService({
    classifier,
    modelCard,
    logger,
    maxImagesPerRequest: config.MAX_IMAGES_PER_REQUEST,
    maxPixels: config.MAX_IMAGE_PIXELS,
    uploadLimitBytes: config.UPLOAD_LIMIT,
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
