import { loadSpeechRecognizer, readModelCard } from '@dl-suite/ml-runtime';
import { createSpeechService } from '@dl-suite/speech-domain';
import { createLogger, startServiceFromEnv, type RunningService } from '@dl-suite/service-kit';
import type { SpeechConfig } from './config';

/** Loads the model, builds the service and listens; SIGTERM drains and exits. */
export async function serve(config: SpeechConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'speech', level: config.LOG_LEVEL });
  const recognizer = await loadSpeechRecognizer(config.MODEL, { allowRemote: config.ALLOW_REMOTE_MODELS, intraOpThreads: config.ORT_THREADS });
  const model = recognizer.manifest ? `${recognizer.manifest.name}@${recognizer.manifest.version}` : recognizer.source;
  logger.info({ model, source: recognizer.source, modelType: recognizer.modelType }, 'model loaded');
  const service = createSpeechService({
    recognizer,
    logger,
    modelCard: await readModelCard(recognizer.source),
    uploadLimitBytes: config.UPLOAD_LIMIT,
    maxAudioSeconds: config.MAX_AUDIO_SECONDS,
    concurrency: config.MAX_CONCURRENT_BATCHES,
    maxQueue: config.MAX_QUEUE,
    timeoutMs: config.INFERENCE_TIMEOUT_MS,
  });
  return startServiceFromEnv(service, config, { handleSignals: options.handleSignals ?? true, onShutdown: () => recognizer.dispose() });
}
