import { loadImageClassifier, readModelCard } from '@dl-suite/ml-runtime';
import { createImagingService } from '@dl-suite/imaging';
import { batchingFromEnv, createLogger, startServiceFromEnv, type RunningService } from '@dl-suite/service-kit';
import type { ImagingConfig } from './config';

/** Loads the model, builds the service and listens; SIGTERM drains and exits. */
export async function serve(config: ImagingConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'medical-imaging', level: config.LOG_LEVEL });
  const classifier = await loadImageClassifier(config.MODEL, { allowRemote: config.ALLOW_REMOTE_MODELS, intraOpThreads: config.ORT_THREADS });
  const model = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;
  logger.info({ model, source: classifier.source, labels: classifier.labels }, 'model loaded');
  const service = createImagingService({
    classifier,
    logger,
    modelCard: await readModelCard(classifier.source),
    maxImagesPerRequest: config.MAX_IMAGES_PER_REQUEST,
    maxPixels: config.MAX_IMAGE_PIXELS,
    uploadLimitBytes: config.UPLOAD_LIMIT,
    batching: batchingFromEnv(config),
  });
  return startServiceFromEnv(service, config, { handleSignals: options.handleSignals ?? true, onShutdown: () => classifier.dispose() });
}
