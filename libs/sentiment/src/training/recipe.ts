import { z } from 'zod';

/** Everything that decides the trained model, validated once; defaults are the best recipe found (see README). */
export const sentimentRecipeSchema = z.object({
  /** WordPiece vocabulary trained on the training texts. */
  vocabSize: z.int().min(100).max(100_000).default(8000),
  /** Ids per text including [CLS]/[SEP]; longer texts are cut, in training and in the served tokenizer. */
  maxLength: z.int().min(8).max(512).default(128),
  /** Must equal the word vectors' dimensions when they initialise the embeddings (GloVe 6B: 100). */
  embeddingDim: z.int().positive().default(100),
  /** With word vectors: this many of their most frequent words join the vocabulary as whole-word tokens (training words with a vector always do). */
  frequentWords: z.int().min(0).default(20_000),
  /** False keeps the pretrained embeddings fixed (Kim's CNN-static). */
  trainableEmbeddings: z.boolean().default(true),
  /** Rescales every pretrained vector to this length (GloVe 6B 100d's are ~3–7): Adam's steps have a fixed size, so shorter vectors are fine-tuned further (dev 81.7% as is, 84.3% at 1, 84.5% at 0.5). */
  vectorNorm: z.number().positive().default(0.5),
  /** Kim's CNN-multichannel: a frozen copy of the initial embeddings beside the fine-tuned ones (see EXPERIMENTS.md part 4). */
  staticChannel: z.boolean().default(false),
  kernelSizes: z.array(z.int().positive()).min(1).default([3, 4, 5]),
  filters: z.int().positive().default(100),
  /** 0 with GloVe-initialised embeddings; the from-scratch recipe wants 0.4 (see EXPERIMENTS.md). */
  embeddingDropout: z.number().min(0).max(0.95).default(0),
  /**
   * L2 pull of the fine-tuned embeddings toward their initial rows (see the model's embeddingDecay):
   * 1e-4 gave dev 86.5% / 84.7% / 85.0% (seeds 42 / 43 / 44) against 84.5% / 82.6% / 83.6% without; 1e-3 held them too close.
   */
  embeddingDecay: z.number().min(0).default(1e-4),
  /** Drops whole tokens during training (see the model's wordDropout). */
  wordDropout: z.number().min(0).max(0.95).default(0),
  dropout: z.number().min(0).max(0.95).default(0.5),
  /** Independently seeded models whose logits are averaged inside the one exported graph. */
  members: z.int().min(1).max(8).default(1),
  /** With GloVe the best dev accuracy came at the cosine schedule's last epoch (3); from scratch at epoch 2 of 3. */
  epochs: z.int().positive().default(3),
  batchSize: z.int().positive().default(64),
  learningRate: z.number().positive().default(1e-3),
  schedule: z.enum(['constant', 'cosine']).default('cosine'),
  /** Epochs without a better dev accuracy before a member stops (its best weights are kept). */
  patience: z.int().min(0).default(2),
  labelSmoothing: z.number().min(0).max(0.5).default(0),
  seed: z.int().refine((s) => s !== 0, 'seed must be non-zero (tfjs treats 0 as unseeded)').default(42),
})
  .refine((r) => r.trainableEmbeddings || !r.staticChannel, 'staticChannel needs trainableEmbeddings: a second frozen copy adds nothing')
  .refine((r) => r.trainableEmbeddings || r.embeddingDecay === 0, 'embeddingDecay needs trainableEmbeddings: frozen rows never move');
export type SentimentRecipe = z.infer<typeof sentimentRecipeSchema>;
export type SentimentRecipeOptions = z.input<typeof sentimentRecipeSchema>;
