import type { TextClassifier } from '@dl-suite/ml-runtime';
import { createBatcher, createService, HttpError, route, type Logger, type Service } from '@dl-suite/service-kit';
import { PredictQuerySchema, PredictRequestSchema, PredictResponseSchema, type Sentiment } from './schemas';
import { wordContributions } from './word-occlusion';

export interface SentimentServiceOptions {
  classifier: TextClassifier;
  /** Texts in one request. */
  maxTextsPerRequest: number;
  /** Characters in one text; longer ones get 413 instead of being tokenised at length. */
  maxTextChars: number;
  bodyLimitBytes: number;
  batching: { maxBatchSize: number; maxDelayMs: number; maxQueue: number; timeoutMs: number; concurrency: number };
  /** Words explained per text with ?explain=true. */
  maxExplainedWords?: number;
  modelCard?: string;
  logger?: Logger;
}

export function createSentimentService(options: SentimentServiceOptions): Service {
  const { classifier } = options;
  const batcher = createBatcher({ ...options.batching, run: (texts: string[]) => classifier.probabilities(texts) });
  const modelName = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;
  const maxExplainedWords = options.maxExplainedWords ?? Math.min(classifier.maxLength ?? 128, 128);

  const sentiment = (text: string, row: Float32Array): Sentiment => {
    const best = row.indexOf(Math.max(...row));
    const truncated = classifier.maxLength !== null && classifier.tokenCount(text) > classifier.maxLength;
    return { label: classifier.labels[best] as string, score: row[best] as number, truncated };
  };

  return createService({
    name: 'sentiment',
    version: '0.1.0',
    ...(options.logger && { logger: options.logger }),
    bodyLimitBytes: options.bodyLimitBytes,
    batchers: [batcher],
    modelInfo: () => ({
      ...(classifier.manifest ?? { name: classifier.source, version: 'unversioned (no manifest)', labels: classifier.labels }),
      ...(options.modelCard && { modelCard: options.modelCard }),
    }),
    openapi: {
      title: 'Sentiment analysis API',
      description: 'Classifies the sentiment of English texts, with optional per-word contributions.',
    },
    routes: [
      route({
        method: 'POST',
        path: '/v1/predict',
        summary: 'Classify {"text": "..."} or {"texts": ["...", ...]}',
        body: PredictRequestSchema,
        query: PredictQuerySchema,
        response: PredictResponseSchema,
        handler: async ({ body, query }) => {
          const texts = 'texts' in body ? body.texts : [body.text];
          if (texts.length > options.maxTextsPerRequest) {
            throw new HttpError(413, 'too_many_texts', `texts holds ${texts.length} items; the limit is ${options.maxTextsPerRequest} per request`);
          }
          texts.forEach((text, i) => {
            if (text.length > options.maxTextChars) {
              const field = 'texts' in body ? `texts[${i}]` : 'text';
              throw new HttpError(413, 'text_too_long', `${field} has ${text.length} characters; the limit is ${options.maxTextChars}`);
            }
          });
          const rows = await batcher.submitMany(texts);
          const predictions = await Promise.all(
            texts.map(async (text, i) => {
              const row = rows[i] as Float32Array;
              const result = sentiment(text, row);
              if (!query.explain) return result;
              const labelIndex = classifier.labels.indexOf(result.label);
              const tokens = await wordContributions((variants) => batcher.submitMany(variants), text, labelIndex, result.score, maxExplainedWords);
              return { ...result, explanation: { method: 'occlusion' as const, tokens } };
            }),
          );
          return 'texts' in body ? { predictions, model: modelName } : { ...(predictions[0] as Sentiment), model: modelName };
        },
      }),
    ],
  });
}
