import type { Normalization } from './normalization';

export interface HfImageFolderSpec {
  labels: readonly string[];
  height: number;
  width: number;
  normalization: Normalization;
}

/**
 * config.json and preprocessor_config.json of a Hugging Face image-classification folder, as
 * transformers.js reads them. `model_type` picks the model class: transformers.js has no generic
 * CNN type, and ResNetForImageClassification does exactly what ours needs (feed `pixel_values`,
 * return `logits`). The processor converts to RGB, resizes (Lanczos, so a full-size film is
 * antialiased on its way down to 28 px), rescales to [0, 1] and normalises with our statistics.
 */
export function hfImageClassificationFiles(spec: HfImageFolderSpec): Record<string, string> {
  const { labels, height, width, normalization } = spec;
  const rgb = (values: number[]) => (values.length === 1 ? [values[0], values[0], values[0]] : values);
  const config = {
    model_type: 'resnet',
    architectures: ['ResNetForImageClassification'],
    num_channels: 3,
    image_size: Math.max(height, width),
    id2label: Object.fromEntries(labels.map((label, i) => [String(i), label])),
    label2id: Object.fromEntries(labels.map((label, i) => [label, i])),
    // transformers.js would otherwise pick a quantized file name for some devices.
    'transformers.js_config': { dtype: 'fp32' },
  };
  const preprocessor = {
    image_processor_type: 'ViTImageProcessor',
    do_convert_rgb: true,
    do_resize: true,
    size: { height, width },
    resample: 1,
    do_rescale: true,
    rescale_factor: 1 / 255,
    do_normalize: true,
    image_mean: rgb(normalization.mean),
    image_std: rgb(normalization.std),
  };
  return {
    'config.json': `${JSON.stringify(config, null, 2)}\n`,
    'preprocessor_config.json': `${JSON.stringify(preprocessor, null, 2)}\n`,
  };
}
