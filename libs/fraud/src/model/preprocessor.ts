import { z } from 'zod';
import { FEATURE_NAMES } from '../features/feature-spec';

export const PREPROCESSOR_FILE = 'preprocessor.json';

/** What serving must know to turn a transaction into the model's input, stored beside the ONNX graph. */
export const FraudPreprocessorSchema = z.object({
  features: z.array(z.string()).refine((names) => names.join() === FEATURE_NAMES.join(), {
    error: `features must be exactly this build's feature list (${FEATURE_NAMES.length} names); retrain the model`,
  }),
  /** Learned bins appended to the features before standardising (see PiecewiseLinearEncoder). */
  piecewiseLinear: z.object({ columns: z.array(z.object({ column: z.number().int().nonnegative(), bounds: z.array(z.number()) })),
    steps: z.boolean().optional(),
  }),
  standardizer: z.object({ mean: z.array(z.number()), scale: z.array(z.number().positive()) }),
  labelDelayDays: z.number().int().nonnegative(),
});
export type FraudPreprocessor = z.infer<typeof FraudPreprocessorSchema>;

export const DecisionSchema = z.object({
  review: z.number().min(0).max(1),
  decline: z.number().min(0).max(1),
  reviewPrecision: z.number(),
  declinePrecision: z.number(),
});
export type DecisionPolicy = z.infer<typeof DecisionSchema>;
