import { AudioError, decodeAudio } from '@dl-suite/audio';
import type { SpeechRecognizer, TranscribeOptions } from '@dl-suite/ml-runtime';
import { createBatcher, createService, HttpError, route, type Logger, type Service } from '@dl-suite/service-kit';
import { TranscribeQuerySchema, TranscriptSchema } from './schemas';
import { transcribeSamples } from './transcribe';

export const AUDIO_MEDIA_TYPES = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/mpeg', 'audio/mp3', 'audio/flac', 'audio/x-flac', 'audio/ogg', 'audio/opus'] as const;

export interface SpeechServiceOptions {
  recognizer: SpeechRecognizer;
  uploadLimitBytes: number;
  /** Longer audio is refused with 413 before it is fully decoded. */
  maxAudioSeconds: number;
  /** Transcriptions run at once; more wait (CPU-bound: more would only share the cores). */
  concurrency: number;
  /** Waiting transcriptions beyond this get 503 + Retry-After. */
  maxQueue: number;
  timeoutMs: number;
  modelCard?: string;
  logger?: Logger;
}

export function createSpeechService(options: SpeechServiceOptions): Service {
  const { recognizer } = options;
  const modelName = recognizer.manifest ? `${recognizer.manifest.name}@${recognizer.manifest.version}` : recognizer.source;
  // One request = one job (its audio is segmented inside), so the batcher is used as a bounded
  // queue of size-1 batches: 503 when full, 504 on timeout, metrics and drain on shutdown for free.
  const jobs = createBatcher({
    maxBatchSize: 1,
    maxDelayMs: 0,
    maxQueue: options.maxQueue,
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    run: async ([job]: { samples: Float32Array; options: TranscribeOptions }[]) => (job ? [await transcribeSamples(recognizer, job.samples, job.options)] : []),
  });

  return createService({
    name: 'speech',
    version: '0.1.0',
    ...(options.logger && { logger: options.logger }),
    batchers: [jobs],
    modelInfo: () => ({
      ...(recognizer.manifest ?? { name: recognizer.source, version: 'unversioned (no manifest)', modelType: recognizer.modelType }),
      ...(options.modelCard && { modelCard: options.modelCard }),
    }),
    openapi: { title: 'Speech transcription API', description: 'Transcribes WAV, MP3, FLAC or Ogg audio, with word timestamps.' },
    routes: [
      route({
        method: 'POST',
        path: '/v1/transcribe',
        summary: 'Transcribe an audio file (WAV, MP3, FLAC, Ogg Opus/Vorbis body)',
        accepts: [...AUDIO_MEDIA_TYPES],
        limitBytes: options.uploadLimitBytes,
        query: TranscribeQuerySchema,
        response: TranscriptSchema,
        handler: async ({ raw, query }) => {
          const audio = await decodeAudio(raw, { maxSeconds: options.maxAudioSeconds }).catch((error: unknown) => {
            if (error instanceof AudioError) throw new HttpError(error.status, error.code, error.message);
            throw error;
          });
          const transcript = await jobs.submit({ samples: audio.samples, options: query });
          return { ...transcript, durationSeconds: Math.round(audio.durationSeconds * 1000) / 1000, model: modelName };
        },
      }),
    ],
  });
}
