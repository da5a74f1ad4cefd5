import { encodeWav } from '@dl-suite/audio/testing';
import { loadSpeechRecognizer, type SpeechRecognizer } from '@dl-suite/ml-runtime';
import { createLogger, startService, type RunningService } from '@dl-suite/service-kit';
import { uploadOversized } from '@dl-suite/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spelledCtcFolder } from '../testing';
import { createSpeechService } from './speech-service';

const RATE = 16000;

let recognizer: SpeechRecognizer;
let running: RunningService;
let spell: (text: string) => Float32Array;

beforeAll(async () => {
  const folder = await spelledCtcFolder();
  spell = folder.spell;
  recognizer = await loadSpeechRecognizer(folder.dir, { intraOpThreads: 1 });
  const service = createSpeechService({
    recognizer,
    logger: createLogger({ name: 'speech', level: 'silent' }),
    uploadLimitBytes: 8 * 2 ** 20,
    maxAudioSeconds: 20,
    concurrency: 1,
    maxQueue: 4,
    timeoutMs: 20_000,
  });
  running = await startService(service, { port: 0, handleSignals: false, shutdownTimeoutMs: 2_000 });
});

afterAll(async () => {
  await running?.close();
  await recognizer?.dispose();
});

const silence = (seconds: number) => new Float32Array(Math.round(seconds * RATE));
const concat = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const wav = (samples: Float32Array) => encodeWav([samples.map((v) => Math.max(-1, Math.min(1, v / 2)))], { sampleRate: RATE, encoding: 'float', bitDepth: 32 });
const transcribe = (body: Uint8Array, contentType = 'audio/wav') =>
  fetch(`${running.url}/v1/transcribe`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('POST /v1/transcribe', () => {
  it('segments speech at pauses and returns words with times in the whole recording', async () => {
    const first = spell('three one');
    const audio = concat(silence(1), first, silence(1), spell('two'), silence(0.5));
    const response = await transcribe(wav(audio.map((v) => v * 2)));
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.text).toBe('three one two');
    expect(body.model).toBe('tiny-ctc@0.0.1');
    expect(body.durationSeconds).toBeCloseTo(audio.length / RATE, 3);
    const [three, one, two] = body.words;
    expect(three.start).toBeGreaterThanOrEqual(1);
    expect(three.start).toBeLessThan(1.02);
    expect(one.start).toBeGreaterThan(three.end);
    expect(two.start).toBeGreaterThan(1 + first.length / RATE + 1 - 0.02);
    for (const word of body.words) expect(word.confidence).toBeGreaterThan(0.9);
  });

  it('answers silence with an empty transcript, not an error', async () => {
    const response = await transcribe(wav(silence(3)));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ text: '', words: [], durationSeconds: 3 });
  });

  it.each([
    ['random bytes sent as WAV', () => transcribe(new TextEncoder().encode('this is not audio at all, just some text')), 422, 'undecodable'],
    ['AAC audio', () => transcribe(Uint8Array.of(0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc, ...new Uint8Array(64))), 415, 'unsupported_format'],
    ['a truncated WAV header', () => transcribe(wav(silence(1)).subarray(0, 30)), 422, 'undecodable'],
    ['audio longer than the limit', () => transcribe(wav(silence(25))), 413, 'too_long'],
    ['an empty body', () => transcribe(new Uint8Array(0)), 400, 'invalid_request'],
    ['a video Content-Type', () => transcribe(wav(silence(1)), 'video/mp4'), 415, 'unsupported_media_type'],
  ] as const)('refuses %s with $2 and stays healthy', async (_what, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    const body: any = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/\n\s+at /);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  });

  it('refuses a 100 MB upload from its headers, before reading it', async () => {
    const { status, ms } = await uploadOversized(`${running.url}/v1/transcribe`, { totalBytes: 100 * 2 ** 20, contentType: 'audio/wav' });
    expect(status).toBe(413);
    expect(ms).toBeLessThan(3_000);
  });

  it('serves the manifest on GET /v1/model', async () => {
    const body: any = await (await fetch(`${running.url}/v1/model`)).json();
    expect(body).toMatchObject({ name: 'tiny-ctc', version: '0.0.1' });
  });
});
