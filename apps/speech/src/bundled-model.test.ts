import { readFile } from 'node:fs/promises';
import { decodeAudio } from '@dl-suite/audio';
import { createRng } from '@dl-suite/ml-training';
import { loadSpeechRecognizer } from '@dl-suite/ml-runtime';
import type { RunningService } from '@dl-suite/service-kit';
import { connectedDigitUtterance, evaluateRecognizerOnDigits, loadDigitEvaluationSet, speakerPool, type Utterance } from '@dl-suite/speech-domain';
import { encodeWav } from '@dl-suite/audio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, FSDD_DIR, loadConfig } from './config';
import { serve } from './main';

// The bundled model measures 0.193 on this speaker's 150-string test draw (MODEL_CARD.md) and 0.190
// on these 40 strings; the ceiling catches regressions (model 1.0.0, 0.408, fails it), it is not the 3 % goal.
const DER_FLOOR = 0.25;

// Debian's asterisk-core-sounds-en-wav (Allison Smith, CC BY-SA 3.0; .ci/run installs it): one
// take of each digit by a woman, a voice no FSDD speaker resembles and the model never heard.
const ASTERISK_DIGITS = '/usr/share/asterisk/sounds/en/digits';
// 1.2.0 measures 0.161 on these 40 strings (1.1.0: 0.241).
const UNSEEN_VOICE_DER_FLOOR = 0.3;

let running: RunningService;

async function asteriskDigitStrings(count: number, seed: number): Promise<Utterance[]> {
  const recordings = await Promise.all(
    Array.from({ length: 10 }, async (_, digit) => {
      const { samples } = await decodeAudio(new Uint8Array(await readFile(`${ASTERISK_DIGITS}/${digit}.wav`)));
      return { digit, speaker: 'allison', samples };
    }),
  );
  const pool = speakerPool(recordings);
  const rng = createRng(seed);
  return Array.from({ length: count }, () => connectedDigitUtterance(pool, rng, { digits: [2, 7] }));
}

beforeAll(async () => {
  running = await serve(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { handleSignals: false });
});
afterAll(async () => {
  await running?.close();
});

describe('the bundled connected-digit model', () => {
  it('meets its floor on connected strings of the held-out FSDD speaker, through the served pipeline', async () => {
    const utterances = await loadDigitEvaluationSet(FSDD_DIR, { speakers: ['jackson'], utterances: 40, seed: 11 });
    const recognizer = await loadSpeechRecognizer(BUNDLED_MODEL_DIR, { intraOpThreads: 1 });
    try {
      const scores = await evaluateRecognizerOnDigits(recognizer, utterances);
      expect(scores.digits).toBeGreaterThan(100);
      expect(scores.digitErrorRate).toBeLessThan(DER_FLOOR);
    } finally {
      await recognizer.dispose();
    }
  }, 120_000);

  it('meets its floor on connected strings of an unseen human voice (a woman, 8 kHz prompts), through the served pipeline', async () => {
    const recognizer = await loadSpeechRecognizer(BUNDLED_MODEL_DIR, { intraOpThreads: 1 });
    try {
      const scores = await evaluateRecognizerOnDigits(recognizer, await asteriskDigitStrings(40, 11));
      expect(scores.digits).toBeGreaterThan(100);
      expect(scores.digitErrorRate).toBeLessThan(UNSEEN_VOICE_DER_FLOOR);
    } finally {
      await recognizer.dispose();
    }
  }, 120_000);

  it('transcribes a WAV over HTTP from `serve`, with word timings inside the audio', async () => {
    const [utterance] = await loadDigitEvaluationSet(FSDD_DIR, { speakers: ['jackson'], utterances: 1, seed: 5 });
    const wav = encodeWav([utterance!.samples], { sampleRate: 16000, encoding: 'pcm', bitDepth: 16 });
    const response = await fetch(`${running.url}/v1/transcribe`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body: wav });
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.model).toBe('speech-digits-ctc@1.2.0');
    expect(body.durationSeconds).toBeCloseTo(utterance!.samples.length / 16000, 2);
    expect(body.words.length).toBeGreaterThan(0);
    for (const word of body.words) {
      expect(word.start).toBeGreaterThanOrEqual(0);
      expect(word.end).toBeLessThanOrEqual(body.durationSeconds + 0.05);
    }
  });
});
