import { z } from 'zod';

export const PredictQuerySchema = z.object({
  explain: z.stringbool().default(false).meta({ description: 'Add an occlusion-saliency heatmap (PNG, base64) over each image' }),
});

const ExplanationSchema = z
  .object({
    method: z.literal('occlusion'),
    label: z.string().meta({ description: 'The class explained (the predicted one)' }),
    heatmapPng: z.string().meta({ description: 'Base64 PNG: the image in grey with the saliency map overlaid' }),
    width: z.number().int(),
    height: z.number().int(),
    evaluations: z.number().int().meta({ description: 'Occluded variants the model scored' }),
  })
  .meta({ id: 'Explanation' });

export const PredictionSchema = z
  .object({
    label: z.string(),
    score: z.number().meta({ description: 'Probability of the predicted label' }),
    probabilities: z.record(z.string(), z.number()),
    input: z.object({ format: z.enum(['png', 'jpeg', 'dicom']), width: z.number().int(), height: z.number().int() }),
    explanation: ExplanationSchema.optional(),
  })
  .meta({ id: 'ImagePrediction' });

export const PredictResponseSchema = z.union([
  PredictionSchema.extend({ model: z.string() }),
  z.object({ predictions: z.array(PredictionSchema), model: z.string() }),
]);
