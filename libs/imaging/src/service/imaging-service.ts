import { badRequest, createBatcher, createService, HttpError, route, type Logger, type Service } from '@dl-suite/service-kit';
import type { ImageClassifier, PixelImage } from '@dl-suite/ml-runtime';
import { decodeImage, ImageError, type DecodedImage } from '../data';
import { occlusionSaliency } from '../explain/occlusion';
import { saliencyOverlayPng } from '../explain/overlay';
import { PredictionSchema, PredictQuerySchema, PredictResponseSchema } from './schemas';
import type { z } from 'zod';

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/dicom'] as const;

export interface ImagingServiceOptions {
  classifier: ImageClassifier;
  /** Images in one multipart request. */
  maxImagesPerRequest: number;
  /** Decoded width × height above which an image is refused (a PNG bomb is tiny on the wire). */
  maxPixels: number;
  uploadLimitBytes: number;
  batching: { maxBatchSize: number; maxDelayMs: number; maxQueue: number; timeoutMs: number; concurrency: number };
  /** MODEL_CARD.md of the model folder, served with the manifest by GET /v1/model. */
  modelCard?: string;
  logger?: Logger;
}

type Prediction = z.output<typeof PredictionSchema>;

export function createImagingService(options: ImagingServiceOptions): Service {
  const { classifier } = options;
  const batcher = createBatcher({ ...options.batching, run: (images: PixelImage[]) => classifier.probabilities(images) });
  // Explanations go through the same queue, so a burst of them is bounded like any other load.
  const batchedClassifier = { probabilities: (images: readonly PixelImage[]) => batcher.submitMany([...images]) };
  const modelName = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;

  return createService({
    name: 'medical-imaging',
    version: '0.1.0',
    ...(options.logger && { logger: options.logger }),
    batchers: [batcher],
    modelInfo: () => ({
      ...(classifier.manifest ?? { name: classifier.source, version: 'unversioned (no manifest)', labels: classifier.labels }),
      ...(options.modelCard && { modelCard: options.modelCard }),
    }),
    openapi: {
      title: 'Medical image classification API',
      description: 'Classifies chest X-rays (PNG, JPEG or DICOM) with an optional occlusion-saliency heatmap. A demonstration, not a medical device.',
    },
    routes: [
      route({
        method: 'POST',
        path: '/v1/predict',
        summary: 'Classify one image (PNG, JPEG or DICOM body) or several (multipart/form-data, one file per part)',
        accepts: [...IMAGE_MEDIA_TYPES, 'multipart/form-data'],
        limitBytes: options.uploadLimitBytes,
        query: PredictQuerySchema,
        response: PredictResponseSchema,
        handler: async ({ raw, contentType, parts, query }) => {
          const batch = contentType === 'multipart/form-data';
          const uploads = batch
            ? (parts ?? []).map((p, i) => ({ what: `part ${i + 1} (${p.filename ?? p.name})`, data: p.data, type: p.contentType }))
            : [{ what: 'the body', data: raw, type: contentType }];
          if (uploads.length === 0) throw badRequest('the multipart body holds no image parts');
          if (uploads.length > options.maxImagesPerRequest) {
            throw new HttpError(413, 'too_many_images', `${uploads.length} images in one request; the limit is ${options.maxImagesPerRequest}`);
          }
          const decoded = await Promise.all(uploads.map((u) => decode(u.data, u.type, u.what, options.maxPixels)));
          const images = decoded.map(toPixelImage);
          const probabilities = await batcher.submitMany(images);
          const predictions: Prediction[] = await Promise.all(
            decoded.map(async (image, i) => {
              const row = probabilities[i] as Float32Array;
              const best = row.indexOf(Math.max(...row));
              const prediction: Prediction = {
                label: classifier.labels[best] as string,
                score: row[best] as number,
                probabilities: Object.fromEntries(classifier.labels.map((label, c) => [label, row[c] as number])),
                input: { format: image.format, width: image.width, height: image.height },
              };
              if (query.explain) prediction.explanation = await explain(images[i] as PixelImage);
              return prediction;
            }),
          );
          return batch ? { predictions, model: modelName } : { ...(predictions[0] as Prediction), model: modelName };
        },
      }),
    ],
  });

  async function explain(image: PixelImage): Promise<NonNullable<Prediction['explanation']>> {
    const saliency = await occlusionSaliency(batchedClassifier, image);
    const png = await saliencyOverlayPng(image, saliency);
    return {
      method: 'occlusion',
      label: classifier.labels[saliency.classIndex] as string,
      heatmapPng: Buffer.from(png).toString('base64'),
      width: saliency.width,
      height: saliency.height,
      evaluations: saliency.evaluations,
    };
  }
}

async function decode(data: Uint8Array, contentType: string | undefined, what: string, maxPixels: number): Promise<DecodedImage> {
  try {
    return await decodeImage(data, { maxPixels, contentType });
  } catch (error) {
    if (error instanceof ImageError) throw new HttpError(error.status, error.code, `${what}: ${error.message}`);
    throw error;
  }
}

function toPixelImage(image: DecodedImage): PixelImage {
  return { data: image.pixels, width: image.width, height: image.height, channels: image.channels };
}
