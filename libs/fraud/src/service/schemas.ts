import { z } from 'zod';
import { TransactionSchema } from '../transactions';
import { FEATURE_GROUPS } from '../features/feature-spec';

export const ScoreRequestSchema = z.union([
  TransactionSchema,
  z.object({ transactions: z.array(TransactionSchema).min(1, { error: 'transactions must hold at least one transaction' }) }),
]);

export const ReasonSchema = z.object({
  feature: z.enum(FEATURE_GROUPS),
  description: z.string(),
  contribution: z.number().meta({ description: 'How much this feature group raised the score above the training average' }),
});

export const ScoredTransactionSchema = z.object({
  transactionId: z.string(),
  score: z.number().min(0).max(1),
  decision: z.enum(['approve', 'review', 'decline']),
  reasons: z.array(ReasonSchema),
  /** True when this id had been scored before: the stored result is returned and the state is not touched again. */
  duplicate: z.boolean(),
});

export const ScoreResponseSchema = z.object({ results: z.array(ScoredTransactionSchema), model: z.string() });

const LabelSchema = z.object({
  transactionId: z.string().min(1).max(128),
  isFraud: z.boolean({ error: 'isFraud must be true or false' }),
});
export const FeedbackRequestSchema = z.union([LabelSchema, z.object({ labels: z.array(LabelSchema).min(1).max(10_000) })]);
export const FeedbackResponseSchema = z.object({
  recorded: z.number().int(),
  /** Ids the service has not scored, or has forgotten (older than every feature window). */
  unknown: z.array(z.string()),
});
