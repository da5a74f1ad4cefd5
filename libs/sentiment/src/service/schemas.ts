import { z } from 'zod';

const Text = z.string().refine((text) => text.trim().length > 0, 'must not be empty or whitespace only');

export const PredictRequestSchema = z.union([
  z.object({ text: Text }).strict(),
  z.object({ texts: z.array(Text).min(1, 'must hold at least one text') }).strict(),
]);

export const PredictQuerySchema = z.object({
  explain: z.stringbool().default(false).meta({ description: 'Add per-word contributions (occlusion)' }),
});

const TokenContributionSchema = z.object({
  token: z.string(),
  /** Character offsets into the text (UTF-16 code units, as JavaScript strings index). */
  start: z.number().int(),
  end: z.number().int(),
  contribution: z.number().meta({ description: 'Drop in the predicted label’s probability when this word is removed; negative = it pointed the other way' }),
});

export const SentimentSchema = z
  .object({
    label: z.string(),
    score: z.number().meta({ description: 'Probability of the label' }),
    truncated: z.boolean().meta({ description: 'The text had more tokens than the model reads; only the first ones were classified' }),
    explanation: z.object({ method: z.literal('occlusion'), tokens: z.array(TokenContributionSchema) }).optional(),
  })
  .meta({ id: 'Sentiment' });

export const PredictResponseSchema = z.union([
  SentimentSchema.extend({ model: z.string() }),
  z.object({ predictions: z.array(SentimentSchema), model: z.string() }),
]);

export type Sentiment = z.output<typeof SentimentSchema>;
