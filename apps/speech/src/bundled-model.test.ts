import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSpeechRecognizer, type SpeechRecognizer } from '@dl-suite/ml-runtime';
import type { RunningService } from '@dl-suite/service-kit';
import { evaluateRecognizerOnDigits, loadDigitEvaluationSet, type DigitSetOptions } from '@dl-suite/speech-domain';
import { encodeWav } from '@dl-suite/audio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, FSDD_DIR, loadConfig } from './config';
import { serve } from './main';

// The bundled model trains on all five FSDD speakers (takes 5-49), so the human voices it has never
// heard come from Debian packages (.ci/run installs them; tools/speech-voices.sh lays them out):
// Dawson (saytime's talking clock) is the test voice, Allison (Asterisk's prompts) the one early
// stopping and the blank offset were chosen on. Dawson's floor is the 3 % goal; the others
// catch regressions.
const SPEECH_VOICES = fileURLToPath(new URL('../../../tools/speech-voices.sh', import.meta.url));
// 1.5.0 measures 0.011 / 0.006 / 0.069 on these 40-string draws; 1.4.0 (the same weights without
// the blank offset) 0.011 / 0.046 / 0.080 and 1.6.0 (festival voices, withdrawn) 0.029 / 0.052 /
// 0.017 fail Dawson's; 1.2.0 (four speakers, jackson held out) measured 0.052 / 0.155 / 0.161 and
// fails all three.
const FLOORS = { takes: 0.05, dawson: 0.03, allison: 0.12 };

let running: RunningService;
let recognizer: SpeechRecognizer;
let voices: string;

async function digitErrorRate(dir: string, options: DigitSetOptions) {
  const scores = await evaluateRecognizerOnDigits(recognizer, await loadDigitEvaluationSet(dir, { utterances: 40, seed: 11, ...options }));
  expect(scores.digits).toBeGreaterThan(100);
  return scores.digitErrorRate;
}

beforeAll(async () => {
  voices = await mkdtemp(join(tmpdir(), 'speech-voices-'));
  await promisify(execFile)(SPEECH_VOICES, [voices]);
  recognizer = await loadSpeechRecognizer(BUNDLED_MODEL_DIR, { intraOpThreads: 1 });
  running = await serve(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { handleSignals: false });
});
afterAll(async () => {
  await running?.close();
  await recognizer?.dispose();
  if (voices) await rm(voices, { recursive: true });
});

describe('the bundled connected-digit model', () => {
  it("meets its floor on FSDD's test takes (takes 0-4, never trained on), through the served pipeline", async () => {
    expect(await digitErrorRate(FSDD_DIR, { split: 'test' })).toBeLessThan(FLOORS.takes);
  }, 120_000);

  it('meets its floor on connected strings of an unseen human voice (Dawson, a man, 8 kHz mu-law), through the served pipeline', async () => {
    expect(await digitErrorRate(join(voices, 'dawson'), {})).toBeLessThan(FLOORS.dawson);
  }, 120_000);

  it('meets its floor on connected strings of its validation voice (Allison, a woman, 8 kHz prompts), through the served pipeline', async () => {
    expect(await digitErrorRate(join(voices, 'allison'), {})).toBeLessThan(FLOORS.allison);
  }, 120_000);

  it('transcribes a WAV over HTTP from `serve`, with word timings inside the audio', async () => {
    const [utterance] = await loadDigitEvaluationSet(join(voices, 'dawson'), { utterances: 1, seed: 5 });
    const wav = encodeWav([utterance!.samples], { sampleRate: 16000, encoding: 'pcm', bitDepth: 16 });
    const response = await fetch(`${running.url}/v1/transcribe`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body: wav });
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.model).toBe('speech-digits-ctc@1.5.0');
    expect(body.durationSeconds).toBeCloseTo(utterance!.samples.length / 16000, 2);
    expect(body.words.length).toBeGreaterThan(0);
    for (const word of body.words) {
      expect(word.start).toBeGreaterThanOrEqual(0);
      expect(word.end).toBeLessThanOrEqual(body.durationSeconds + 0.05);
    }
  });
});
