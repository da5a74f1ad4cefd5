import { DEFAULT_OPSET, exportLayersModel } from '@dl-suite/onnx-export';
import { writeModelFolder, type ModelManifest } from '@dl-suite/ml-runtime';
import type { TrainedImageClassifier } from '../training/train';
import type { Architecture } from './architecture';
import { hfImageClassificationFiles } from './hf-files';
import { imagingModelCard, type ImagingModelCardContext } from './model-card';
import { withRgbInput } from './rgb-input';

export const IMAGING_TASK = 'image-classification';

export interface SaveImageClassifierOptions extends Omit<ImagingModelCardContext, 'hyperparameters'> {
  architecture: Architecture;
  channels: number;
  dataFingerprint: string;
  hyperparameters: Record<string, unknown>;
}

/** Writes the Hugging Face folder (ONNX taking RGB `pixel_values`), the model card and the manifest. */
export async function saveImageClassifier(
  dir: string,
  trained: TrainedImageClassifier,
  options: SaveImageClassifierOptions,
): Promise<ModelManifest> {
  const { height, width, labels } = options;
  const rgb = withRgbInput(trained.model, { height, width, channels: options.channels }, labels.length, options.architecture);
  const onnx = exportLayersModel(rgb, {
    inputNames: ['pixel_values'],
    outputNames: ['logits'],
    channelsFirstInputs: true,
    producerName: 'dl-suite medical-imaging',
  });
  if (rgb !== trained.model) rgb.dispose();
  const hyperparameters = { architecture: options.architecture, ...options.hyperparameters };
  return writeModelFolder(dir, {
    manifest: {
      name: options.name,
      version: options.version,
      task: IMAGING_TASK,
      created: new Date().toISOString(),
      description: `CNN image classifier (${labels.join(' / ')}), ${height}×${width} px`,
      labels: [...labels],
      inputs: [{ name: 'pixel_values', dtype: 'float32', shape: ['batch', 3, height, width] }],
      outputs: [{ name: 'logits', dtype: 'float32', shape: ['batch', labels.length] }],
      framework: { trainedWith: '@tensorflow/tfjs 4.22.0', exportedWith: '@dl-suite/onnx-export', opset: DEFAULT_OPSET },
      hyperparameters,
      data: {
        description: options.dataDescription,
        fingerprint: options.dataFingerprint,
        rows: options.trainRows + options.validationRows,
      },
      metrics: options.metrics,
    },
    files: {
      ...hfImageClassificationFiles({ labels, height, width, normalization: trained.normalization }),
      'onnx/model.onnx': onnx,
      'MODEL_CARD.md': imagingModelCard({ ...options, hyperparameters }),
    },
  });
}
