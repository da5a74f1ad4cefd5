import { z } from 'zod';
import { BACKEND_IDS } from './backends';

const KeyMetricsSchema = z.object({
  requests: z.number(),
  clientErrors: z.number(),
  serverErrors: z.number(),
  latencyP50Ms: z.number().optional(),
  latencyP95Ms: z.number().optional(),
  inferenceCount: z.number(),
  inferenceMeanMs: z.number().optional(),
});

export const BackendStatusSchema = z
  .object({
    id: z.enum(BACKEND_IDS),
    url: z.string(),
    state: z.enum(['ready', 'starting', 'down']),
    reason: z.string().optional().meta({ description: 'Why it is not ready, in words a person can act on' }),
    checkedAt: z.string(),
    model: z.record(z.string(), z.unknown()).optional().meta({ description: "The service's GET /v1/model as it sent it" }),
    metrics: KeyMetricsSchema.optional(),
  })
  .meta({ id: 'BackendStatus' });

export type BackendStatus = z.output<typeof BackendStatusSchema>;

export const DemoTransactionSchema = z
  .object({
    transaction: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: 'As POST /api/fraud/v1/score takes it' }),
    truth: z.object({ isFraud: z.boolean(), scenario: z.string() }).meta({ description: "The simulator's ground truth; never sent to the service" }),
  })
  .meta({ id: 'DemoTransaction' });

export type DemoTransaction = z.output<typeof DemoTransactionSchema>;
