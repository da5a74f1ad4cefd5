import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadModelFolder } from './load-model-folder';
import { OnnxModel } from './onnx-model';
import { draftManifest, tempDir, tinyClassifier } from './test-support/fixtures';
import { writeModelFolder } from './write-model-folder';

let fixture: Awaited<ReturnType<typeof tinyClassifier>>;
let dir: string;
let cleanup: () => Promise<void>;
const open: OnnxModel[] = [];

beforeAll(async () => {
  fixture = await tinyClassifier();
});
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.dispose()));
  await cleanup();
});

async function load(...args: Parameters<typeof OnnxModel.load>): Promise<OnnxModel> {
  const model = await OnnxModel.load(...args);
  open.push(model);
  return model;
}

const writeFolder = (modelPath = 'model.onnx') =>
  writeModelFolder(dir, { manifest: draftManifest(), files: { [modelPath]: fixture.onnx } });

describe('OnnxModel', () => {
  it('loads a verified model folder and matches tfjs on a batch of 17', async () => {
    await writeFolder();
    const model = await load(dir);
    expect(model.inputNames).toEqual(['features']);
    expect(model.outputNames).toEqual(['probabilities']);
    expect(model.manifest?.name).toBe('tiny-classifier');

    const x = tf.randomNormal([17, 4], 0, 1, 'float32', 7);
    const { probabilities } = await model.run({ features: { data: x.dataSync() as Float32Array, dims: [17, 4] } });
    expect(probabilities?.dims).toEqual([17, 3]);
    const expected = (fixture.model.predict(x) as tf.Tensor).dataSync();
    const maxDiff = Math.max(...Array.from(probabilities!.data as Float32Array, (v, i) => Math.abs(v - expected[i]!)));
    expect(maxDiff).toBeLessThanOrEqual(1e-4);
  });

  it('finds onnx/model.onnx (transformers.js layout) and runs runFloat', async () => {
    await writeFolder('onnx/model.onnx');
    const model = await load(dir);
    const out = await model.runFloat('features', new Float32Array(8).fill(0.5), [2, 4]);
    expect(out.dims).toEqual([2, 3]);
    const rows = [0, 1].map((r) => Array.from(out.data as Float32Array).slice(r * 3, r * 3 + 3));
    rows.forEach((row) => expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 5));
  });

  it('accepts an already verified folder, a bare .onnx path, and in-memory bytes', async () => {
    await writeFolder();
    const fromFolder = await load(await loadModelFolder(dir));
    const fromPath = await load({ path: join(dir, 'model.onnx') });
    const fromBytes = await OnnxModel.fromBytes(fixture.onnx);
    open.push(fromBytes);
    expect(fromPath.manifest).toBeUndefined();
    const input = new Float32Array([1, 2, 3, 4]);
    const results = await Promise.all([fromFolder, fromPath, fromBytes].map((m) => m.runFloat('features', input, [1, 4])));
    expect(results[1]!.data).toEqual(results[0]!.data);
    expect(results[2]!.data).toEqual(results[0]!.data);
  });

  it('respects thread options and every warm-up form', async () => {
    let warmedWith: number[] | undefined;
    const models = await Promise.all([
      OnnxModel.fromBytes(fixture.onnx, { intraOpThreads: 1, interOpThreads: 1 }),
      OnnxModel.fromBytes(fixture.onnx, { warmup: { features: { dims: [5, 4], dtype: 'float32' } } }),
      OnnxModel.fromBytes(fixture.onnx, {
        warmup: () => {
          warmedWith = [3, 4];
          return { features: { data: new Float32Array(12), dims: warmedWith } };
        },
      }),
      OnnxModel.fromBytes(fixture.onnx, { warmup: false }),
    ]);
    open.push(...models);
    expect(warmedWith).toEqual([3, 4]);
    for (const model of models) expect(model.outputNames).toEqual(['probabilities']);
  });

  it('fails loading when the warm-up inputs are wrong', async () => {
    await expect(OnnxModel.fromBytes(fixture.onnx, { warmup: { other: { dims: [1], dtype: 'float32' } } })).rejects.toThrow(
      /missing: features; unknown: other/,
    );
  });

  it('refuses a tampered model folder', async () => {
    await writeFolder();
    const tampered = Buffer.from(fixture.onnx);
    const last = tampered.length - 1;
    tampered[last] = tampered[last]! ^ 0xff;
    await writeFile(join(dir, 'model.onnx'), tampered);
    await expect(load(dir)).rejects.toThrow(/file model\.onnx failed its sha256 check/);
  });

  it('says which inputs are wrong before calling onnxruntime', async () => {
    const model = await OnnxModel.fromBytes(fixture.onnx, { warmup: false });
    open.push(model);
    await expect(model.run({})).rejects.toThrow('Model inputs are [features]; missing: features');
    await expect(model.runFloat('features', new Float32Array(5), [2, 4])).rejects.toThrow(
      "Input 'features': 5 values do not fill dims [2, 4] (8)",
    );
  });

  it('refuses a folder whose manifest lists no model file', async () => {
    await writeModelFolder(dir, { manifest: draftManifest(), files: { 'config.json': '{}' } });
    await expect(load(dir)).rejects.toThrow(/manifest lists no \.onnx file/);
  });
});
