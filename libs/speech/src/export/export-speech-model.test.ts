import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModelFolder, loadSpeechRecognizer } from '@dl-suite/ml-runtime';
import { createRng } from '@dl-suite/ml-training';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedDigitUtterance, speakerPool } from '../data/connected';
import { loadFsddRecordings } from '../data/fsdd';
import type { Utterance } from '../data/recording';
import { FSDD } from '../test-support/fsdd';
import { trainedFixture } from '../test-support/trained-fixture';
import { outputFraming } from '../model/speech-model';
import { transcribeLogits } from '../training/evaluate';
import { VOCABULARY } from '../vocabulary';
import { exportSpeechModel } from './export-speech-model';

let dir: string;
let utterances: Utterance[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'speech-export-'));
  const pool = speakerPool(await loadFsddRecordings(FSDD, ['yweweler']));
  const rng = createRng(3);
  utterances = Array.from({ length: 3 }, () => connectedDigitUtterance(pool, rng, { digits: [2, 4] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportSpeechModel', () => {
  it('writes a verified wav2vec2 folder that transformers.js transcribes exactly as the tfjs model decodes', async () => {
    const trained = trainedFixture();
    const manifest = await exportSpeechModel(trained, dir, { checkUtterances: utterances, data: { description: 'FSDD', fingerprint: 'a'.repeat(64) } });
    expect(Object.keys(manifest.files).sort()).toEqual(['MODEL_CARD.md', 'config.json', 'onnx/model.onnx', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json']);
    const runtime = manifest.metrics['runtime'] as { parityMaxAbsDiff: number; realTimeFactor: number };
    expect(runtime.parityMaxAbsDiff).toBeLessThan(1e-4);
    expect(runtime.realTimeFactor).toBeGreaterThan(0);
    await loadModelFolder(dir); // sha256 of every file
    const card = await readFile(join(dir, 'MODEL_CARD.md'), 'utf8');
    expect(card).toMatch(/held-out FSDD speaker jackson/);
    expect(card).toMatch(/blank's logit is offset by \+0\.5: .*\n.*60\.00 % without it, 50\.00 % with it/);
    expect(card).toMatch(/validation draw \(used for early stopping and the blank offset\)/);
    expect(manifest.hyperparameters['blankBias']).toEqual(trained.blankBias);

    const recognizer = await loadSpeechRecognizer(dir, { intraOpThreads: 1 });
    expect(recognizer.ctc?.tokens).toEqual(VOCABULARY);
    for (const { samples } of utterances) {
      const logits = tf.tidy(() => (trained.model.predict(tf.tensor2d(samples, [1, samples.length])) as tf.Tensor).dataSync() as Float32Array);
      const frames = logits.length / VOCABULARY.length;
      const ours = transcribeLogits(logits, frames);
      expect(ours).not.toBe(''); // the fixture's logits vary, so the comparison below means something
      const served = await recognizer.logits(samples);
      expect(served.frames).toBe(frames);
      // config.json's conv_stride states the fixture's framing (two downsamplings: 40 ms).
      expect(served.secondsPerFrame).toBeCloseTo(outputFraming(trained.config.model).hop / 16000, 9);
      expect(served.secondsPerFrame).toBeCloseTo(0.04, 9);
      expect(Math.max(...Array.from(served.data, (v, i) => Math.abs(v - logits[i]!)))).toBeLessThan(1e-4);
      // The untrained fixture also emits bare '|' units, which the pipeline keeps as extra spaces.
      expect((await recognizer.transcribe(samples)).text.split(/\s+/)).toEqual(ours.split(' '));
    }
    await recognizer.dispose();
  });
});
