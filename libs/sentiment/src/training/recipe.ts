import { z } from 'zod';

/** Everything that decides the trained model, validated once; defaults are the best recipe found (see README). */
export const sentimentRecipeSchema = z.object({
  /** WordPiece vocabulary trained on the training texts. */
  vocabSize: z.int().min(100).max(100_000).default(8000),
  /** Ids per text including [CLS]/[SEP]; longer texts are cut, in training and in the served tokenizer. */
  maxLength: z.int().min(8).max(512).default(128),
  embeddingDim: z.int().positive().default(128),
  kernelSizes: z.array(z.int().positive()).min(1).default([3, 4, 5]),
  filters: z.int().positive().default(100),
  embeddingDropout: z.number().min(0).max(0.95).default(0.4),
  dropout: z.number().min(0).max(0.95).default(0.5),
  /** Independently seeded models whose logits are averaged inside the one exported graph. */
  members: z.int().min(1).max(8).default(1),
  /** Dev accuracy peaks after 2 epochs over all phrases; later epochs overfit. */
  epochs: z.int().positive().default(3),
  batchSize: z.int().positive().default(64),
  learningRate: z.number().positive().default(1e-3),
  schedule: z.enum(['constant', 'cosine']).default('cosine'),
  /** Epochs without a better dev accuracy before a member stops (its best weights are kept). */
  patience: z.int().min(0).default(2),
  labelSmoothing: z.number().min(0).max(0.5).default(0),
  seed: z.int().refine((s) => s !== 0, 'seed must be non-zero (tfjs treats 0 as unseeded)').default(42),
});
export type SentimentRecipe = z.infer<typeof sentimentRecipeSchema>;
export type SentimentRecipeOptions = z.input<typeof sentimentRecipeSchema>;
