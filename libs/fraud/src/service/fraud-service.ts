import { badRequest, createService, HttpError, route, type Logger, type Service } from '@dl-suite/service-kit';
import { InMemoryFeatureState } from '../features/in-memory-state';
import { stateWindows } from '../features/compute';
import type { FraudScorer } from '../scoring/fraud-scorer';
import type { Transaction } from '../transactions';
import { OnlineScoring, type OnlineScoringOptions } from './online-scoring';
import {
  FeedbackRequestSchema,
  FeedbackResponseSchema,
  ScoreRequestSchema,
  ScoreResponseSchema,
} from './schemas';

export interface FraudServiceOptions {
  scorer: FraudScorer;
  /** Transactions accepted in one request. */
  maxTransactionsPerRequest: number;
  bodyLimitBytes: number;
  batching: OnlineScoringOptions;
  logger?: Logger;
}

export interface FraudService {
  service: Service;
  scoring: OnlineScoring;
}

export function createFraudService(options: FraudServiceOptions): FraudService {
  const { scorer } = options;
  const scoring = new OnlineScoring(scorer, new InMemoryFeatureState(stateWindows(scorer.labelDelayDays)), options.batching);
  const service = createService({
    name: 'fraud',
    version: '0.1.0',
    ...(options.logger && { logger: options.logger }),
    bodyLimitBytes: options.bodyLimitBytes,
    batchers: [scoring.batcher],
    modelInfo: () => ({ ...scorer.manifest, ...(scorer.modelCard && { modelCard: scorer.modelCard }) }),
    openapi: {
      title: 'Fraud detection API',
      description: 'Scores card transactions for fraud in real time, with reasons; takes fraud labels as feedback.',
    },
    routes: [
      route({
        method: 'POST',
        path: '/v1/score',
        summary: 'Score one transaction, or {"transactions": [...]}',
        description:
          'Each transaction updates the online feature state once: scoring the same transactionId again returns the stored result with duplicate: true.',
        body: ScoreRequestSchema,
        response: ScoreResponseSchema,
        handler: async ({ body }) => {
          const transactions: Transaction[] = 'transactions' in body ? body.transactions : [body];
          if (transactions.length > options.maxTransactionsPerRequest) {
            throw new HttpError(
              413,
              'batch_too_large',
              `transactions holds ${transactions.length} items; the limit is ${options.maxTransactionsPerRequest} per request`,
            );
          }
          const seen = new Map<string, number>();
          transactions.forEach((tx, i) => {
            const first = seen.get(tx.transactionId);
            if (first !== undefined) {
              throw badRequest(`transactions[${i}].transactionId: "${tx.transactionId}" repeats transactions[${first}]`, 'duplicate_transaction_id');
            }
            seen.set(tx.transactionId, i);
          });
          const results = await scoring.score(transactions);
          return { results, model: `${scorer.manifest.name}@${scorer.manifest.version}` };
        },
      }),
      route({
        method: 'POST',
        path: '/v1/feedback',
        summary: 'Record confirmed labels: {"transactionId", "isFraud"} or {"labels": [...]}',
        description: 'Labels feed the merchant fraud-rate features once they are older than the label delay.',
        body: FeedbackRequestSchema,
        response: FeedbackResponseSchema,
        handler: ({ body }) => scoring.recordLabels('labels' in body ? body.labels : [body]),
      }),
    ],
  });
  return { service, scoring };
}
