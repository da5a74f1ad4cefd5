import type * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import { exportLayersModel, type ExportOptions } from '../export';

/** tfjs int32 tensors become int64 feeds, as the exporter declares them (and transformers.js sends them). */
export function toFeed(x: tf.Tensor): ort.Tensor {
  if (x.dtype === 'int32') return new ort.Tensor('int64', BigInt64Array.from(x.dataSync(), (v) => BigInt(v)), x.shape);
  return new ort.Tensor('float32', Float32Array.from(x.dataSync()), x.shape);
}

/**
 * Runs `inputs` through tfjs and the exported ONNX model; the max |diff| over every output.
 * `onnxInputs` are the same data in the layout the export declares, when that differs from tfjs's.
 */
export async function parityDiff(
  model: tf.LayersModel,
  inputs: tf.Tensor[],
  options?: ExportOptions,
  onnxInputs: tf.Tensor[] = inputs,
): Promise<number> {
  const session = await ort.InferenceSession.create(exportLayersModel(model, options));
  const feeds = Object.fromEntries(session.inputNames.map((name, i) => [name, toFeed(onnxInputs[i]!)]));
  const results = await session.run(feeds);
  const expected = [model.predict(inputs.length === 1 ? inputs[0]! : inputs)].flat();
  expect(session.outputNames).toHaveLength(expected.length);
  let maxDiff = 0;
  session.outputNames.forEach((name, i) => {
    const got = results[name]!;
    const want = expected[i]!;
    expect(got.dims).toEqual(want.shape);
    const wantData = want.dataSync();
    (got.data as Float32Array).forEach((v, j) => {
      maxDiff = Math.max(maxDiff, Math.abs(v - wantData[j]!));
    });
  });
  await session.release();
  for (const t of expected) t.dispose();
  return maxDiff;
}
