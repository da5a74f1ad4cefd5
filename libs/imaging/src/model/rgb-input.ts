import * as tf from '@tensorflow/tfjs';
import { buildImageClassifier, type Architecture, type InputShape } from './architecture';

/**
 * The same network taking RGB input. Hugging Face image processors convert every image to RGB
 * (`do_convert_rgb`), so a model trained on greyscale films is shipped with its first kernel
 * spread over three channels: conv(w/3 on R, G, B) of a grey image replicated to RGB equals
 * conv(w) of the grey image. Any RGB input is then seen as its channel mean.
 */
export function withRgbInput(model: tf.LayersModel, shape: InputShape, classes: number, architecture: Architecture): tf.LayersModel {
  if (shape.channels === 3) return model;
  if (shape.channels !== 1) throw new RangeError(`only greyscale or RGB models can be exported, got ${shape.channels} channels`);
  const rgb = buildImageClassifier({ ...shape, channels: 3 }, classes, architecture, 0);
  const weights = model.getWeights();
  const [firstKernel, ...rest] = weights;
  if (!firstKernel || firstKernel.shape[2] !== 1) throw new Error('expected the first weight to be a greyscale conv kernel');
  const spread = tf.tidy(() => tf.tile(firstKernel, [1, 1, 3, 1]).div(3));
  rgb.setWeights([spread, ...rest]);
  spread.dispose();
  return rgb;
}
