import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ctcWords, greedyCtcDecode, wav2vec2CtcFiles } from '@dl-suite/ml-ctc';
import { tinyCtcModel } from '@dl-suite/ml-ctc/testing';
import { loadSpeechRecognizer, OnnxModel, type SpeechRecognizer } from '@dl-suite/ml-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from './decode-audio';
import { segmentSpeech } from './segment';
import { FSDD } from './test-support/fsdd';

// The speech service's path end to end, on a real FSDD recording: our decoder → a CTC model in the
// Hugging Face wav2vec2 layout → transformers.js's ASR pipeline → our CTC word alignment. The model is
// a tiny random one, so the transcript is noise; what is tested is that every stage fits the next.
const VOCABULARY = ['<pad>', '|', "'", ...'abcdefghijklmnopqrstuvwxyz'];
const HOP = 320;

let dir: string;
let onnx: Uint8Array;
let recognizer: SpeechRecognizer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'speech-serving-'));
  onnx = tinyCtcModel({ vocab: VOCABULARY.length, hop: HOP, seed: 3 }).onnx;
  const files: Record<string, string | Uint8Array> = { 'onnx/model.onnx': onnx, ...wav2vec2CtcFiles({ vocabulary: VOCABULARY, hop: HOP }) };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  recognizer = await loadSpeechRecognizer(dir); // no manifest: an HF folder as a user might bring one
});
afterAll(async () => {
  await recognizer?.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function fsdd(name: string): Promise<Float32Array> {
  return (await decodeAudio(new Uint8Array(await readFile(join(FSDD, name))))).samples;
}

describe('serving path: decodeAudio → transformers.js ASR pipeline (wav2vec2 CTC) → CTC words', () => {
  it('transcribes a decoded FSDD recording, with logits equal to a direct onnxruntime run', async () => {
    const samples = await fsdd('4_george_3.wav');
    expect(recognizer).toMatchObject({ modelType: 'wav2vec2', samplingRate: 16000 });

    const { text } = await recognizer.transcribe(samples);
    expect(typeof text).toBe('string');

    const logits = await recognizer.logits(samples);
    expect(logits.frames).toBe(Math.floor(samples.length / HOP));
    const direct = await OnnxModel.fromBytes(onnx, { warmup: false });
    try {
      const { data } = await direct.runFloat('input_values', samples, [1, samples.length]);
      expect(Math.max(...logits.data.map((v, i) => Math.abs(v - (data[i] as number))))).toBeLessThan(1e-5);
    } finally {
      await direct.dispose();
    }

    const { tokens, blankId, wordDelimiter } = recognizer.ctc!;
    const words = ctcWords(greedyCtcDecode(logits, blankId), { vocabulary: tokens, wordDelimiter, secondsPerFrame: logits.secondsPerFrame });
    expect(words.map((w) => w.word).join(' ')).toBe(text.split(/ +/).filter(Boolean).join(' '));
    for (const w of words) {
      expect(w.start).toBeLessThan(w.end);
      expect(w.end).toBeLessThanOrEqual(samples.length / 16000 + 1e-9);
      expect(w.confidence).toBeGreaterThan(0);
      expect(w.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('segments a recording of three digits with pauses and times words on the whole recording', async () => {
    const digits = await Promise.all(['1_jackson_5.wav', '9_lucas_2.wav', '6_yweweler_7.wav'].map(fsdd));
    const pause = new Float32Array(16000);
    const parts = [pause, digits[0]!, pause, digits[1]!, pause, digits[2]!, pause];
    const audio = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (audio.set(p, offset), offset + p.length), 0);

    const segments = segmentSpeech(audio);
    expect(segments).toHaveLength(3);
    const { tokens, blankId, wordDelimiter } = recognizer.ctc!;
    for (const segment of segments) {
      const logits = await recognizer.logits(audio.subarray(segment.start, segment.end));
      const words = ctcWords(greedyCtcDecode(logits, blankId), {
        vocabulary: tokens,
        wordDelimiter,
        secondsPerFrame: logits.secondsPerFrame,
        offsetSeconds: segment.start / 16000,
      });
      for (const w of words) {
        expect(w.start).toBeGreaterThanOrEqual(segment.start / 16000);
        expect(w.end).toBeLessThanOrEqual(segment.end / 16000 + 1e-9);
      }
    }
  });
});
