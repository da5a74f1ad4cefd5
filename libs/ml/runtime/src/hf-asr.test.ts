import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { greedyCtcDecode, wav2vec2CtcFiles } from '@dl-suite/ml-ctc';
import { tinyCtcModel } from '@dl-suite/ml-ctc/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSpeechRecognizer, type SpeechRecognizer } from './hf-asr';
import { OnnxModel } from './onnx-model';
import { draftManifest, tempDir } from './test-support/fixtures';
import { writeModelFolder } from './write-model-folder';

const VOCABULARY = ['<pad>', '|', ...'abcdefghijklmnopqrstuvwxyz'];
const HOP = 320;

let dir: string;
let cleanup: () => Promise<void>;
const open: { dispose(): Promise<void> }[] = [];
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.dispose()));
  await cleanup();
});

async function writeTinyCtcFolder(options: { doNormalize?: boolean } = {}): Promise<ReturnType<typeof tinyCtcModel>> {
  const model = tinyCtcModel({ vocab: VOCABULARY.length, hop: HOP });
  await writeModelFolder(dir, {
    manifest: { ...draftManifest(), name: 'tiny-ctc', task: 'automatic-speech-recognition', labels: VOCABULARY },
    files: { 'onnx/model.onnx': model.onnx, ...wav2vec2CtcFiles({ vocabulary: VOCABULARY, hop: HOP, ...options }) },
  });
  return model;
}

async function load(...args: Parameters<typeof loadSpeechRecognizer>): Promise<SpeechRecognizer> {
  const recognizer = await loadSpeechRecognizer(...args);
  open.push(recognizer);
  return recognizer;
}

/** One second of a chirp at speech level, so that the tiny model's argmax moves between frames. */
function chirp(seconds = 1, rate = 16000): Float32Array {
  return Float32Array.from({ length: seconds * rate }, (_, i) => 0.2 * Math.sin((i * i) / (rate * 40)));
}

async function directLogits(onnx: Uint8Array, input: Float32Array): Promise<Float32Array> {
  const model = await OnnxModel.fromBytes(onnx, { warmup: false });
  open.push(model);
  return (await model.runFloat('input_values', input, [1, input.length])).data as Float32Array;
}

describe('loadSpeechRecognizer (transformers.js ASR pipeline, CTC model as wav2vec2)', () => {
  it('runs a locally built CTC folder with no network: text from the pipeline, logits equal to onnxruntime', async () => {
    const { onnx } = await writeTinyCtcFolder();
    const recognizer = await load(dir);
    expect(recognizer).toMatchObject({ source: dir, modelType: 'wav2vec2', samplingRate: 16000 });
    expect(recognizer.manifest?.name).toBe('tiny-ctc');
    expect(recognizer.ctc).toEqual({ tokens: VOCABULARY, blankId: 0, wordDelimiter: '|', specialTokens: [] });

    const samples = chirp();
    const { text } = await recognizer.transcribe(samples);
    const logits = await recognizer.logits(samples);
    expect(logits).toMatchObject({ frames: 50, vocab: VOCABULARY.length, secondsPerFrame: 0.02 });
    const expected = await directLogits(onnx, samples);
    expect(Math.max(...logits.data.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-5);

    // The pipeline's argmax + CTC tokenizer and our greedy decoder read the same logits the same way.
    const tokens = greedyCtcDecode(logits);
    const ours = tokens.map((t) => VOCABULARY[t.id]).join('').replaceAll('|', ' ').replace(/ +/g, ' ').trim();
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(ours);
  });

  it('keeps a blank-separated double letter: "t h r e <pad> e | o n e" reads "three one"', async () => {
    const model = await writeTinyCtcFolder();
    const recognizer = await load(dir);
    const path = ['<pad>', 't', 'h', 'h', 'r', 'e', '<pad>', 'e', '|', '|', 'o', 'n', 'e', '<pad>'];
    const samples = model.spell(path.map((token) => VOCABULARY.indexOf(token)));
    expect((await recognizer.transcribe(samples)).text).toBe('three one');
    const tokens = greedyCtcDecode(await recognizer.logits(samples));
    expect(tokens.map((t) => VOCABULARY[t.id]).join('')).toBe('three|one');
  });

  it('answers input shorter than one frame as silence instead of failing in the model', async () => {
    await writeTinyCtcFolder();
    const recognizer = await load(dir);
    expect(await recognizer.transcribe(new Float32Array(HOP - 1))).toEqual({ text: '' });
    expect(await recognizer.logits(new Float32Array(HOP - 1))).toMatchObject({ frames: 0, vocab: VOCABULARY.length });
    expect((await recognizer.logits(new Float32Array(HOP))).frames).toBe(1);
  });

  it('applies the feature extractor (do_normalize) before the model, in transcribe and logits alike', async () => {
    const { onnx } = await writeTinyCtcFolder({ doNormalize: true });
    const recognizer = await load(dir);
    const samples = chirp().map((v) => 0.5 * v + 0.01);
    const mean = samples.reduce((a, b) => a + b) / samples.length;
    const std = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length + 1e-7);
    const expected = await directLogits(onnx, samples.map((v) => (v - mean) / std));
    const { data } = await recognizer.logits(samples);
    expect(Math.max(...data.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-4);
  });

  it('resolves a relative folder path itself (transformers.js would read "a/b" as a hub id)', async () => {
    await writeTinyCtcFolder();
    const recognizer = await load(relative(process.cwd(), dir));
    expect(recognizer.source).toBe(dir);
  });

  it('refuses a hub id unless remote models are allowed, and a tampered folder', async () => {
    await expect(loadSpeechRecognizer('Xenova/whisper-tiny.en')).rejects.toThrow(
      /'Xenova\/whisper-tiny.en' is not a local folder, and remote models are not allowed/,
    );
    await writeTinyCtcFolder();
    await writeFile(join(dir, 'tokenizer.json'), '{}');
    await expect(loadSpeechRecognizer(dir)).rejects.toThrow(/tokenizer.json/);
  });
});
