import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAudio } from './decode-audio';
import { decibels, tone, toneAmplitude } from './test-support/signals';
import { encodeWav, type WavSpec } from './test-support/wav-writer';
import { FSDD } from './test-support/fsdd';
import { refusal } from './test-support/refusal';

describe('decodeAudio: WAV sample formats (written by hand)', () => {
  const signal = tone(440, 16000, 0.5, 0.6);
  const cases: [WavSpec['encoding'], WavSpec['bitDepth'], number][] = [
    ['pcm', 8, 1 / 64],
    ['pcm', 16, 1e-4],
    ['pcm', 24, 1e-6],
    ['pcm', 32, 1e-6],
    ['float', 32, 1e-7],
    ['float', 64, 1e-7],
  ];
  it.each(cases)('decodes %s %i-bit at 16 kHz to the same samples (within quantisation)', async (encoding, bitDepth, tolerance) => {
    for (const extensible of [false, true]) {
      const decoded = await decodeAudio(encodeWav([signal], { sampleRate: 16000, encoding, bitDepth, extensible }));
      expect(decoded.source).toEqual({ format: 'wav', sampleRate: 16000, channels: 1, bitDepth });
      expect(decoded.samples.length).toBe(signal.length);
      expect(Math.max(...decoded.samples.map((v, i) => Math.abs(v - signal[i]!)))).toBeLessThan(tolerance);
    }
  });

  it('down-mixes any number of channels to their mean', async () => {
    const a = tone(300, 16000, 0.25, 0.6);
    const b = tone(500, 16000, 0.25, 0.3);
    const c = new Float32Array(a.length).fill(0.15);
    const decoded = await decodeAudio(encodeWav([a, b, c], { sampleRate: 16000, encoding: 'float', bitDepth: 32 }));
    expect(decoded.source.channels).toBe(3);
    const expected = a.map((v, i) => (v + b[i]! + c[i]!) / 3);
    expect(Math.max(...decoded.samples.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-6);
  });

  it('resamples 48 kHz stereo to 16 kHz mono with the right length and level', async () => {
    const left = tone(1000, 48000, 2, 0.5);
    const decoded = await decodeAudio(encodeWav([left, left], { sampleRate: 48000, encoding: 'pcm', bitDepth: 24 }));
    expect(decoded).toMatchObject({ sampleRate: 16000, durationSeconds: 2, source: { sampleRate: 48000, channels: 2 } });
    expect(decoded.samples.length).toBe(32000);
    expect(Math.abs(decibels(toneAmplitude(decoded.samples, 16000, 1000) / 0.5))).toBeLessThan(0.05);
  });

  it('decodes a real FSDD recording (8 kHz, 16-bit mono) to 16 kHz', async () => {
    const bytes = new Uint8Array(readFileSync(`${FSDD}/7_jackson_0.wav`));
    const frames = (bytes.length - 44) / 2;
    const decoded = await decodeAudio(bytes);
    expect(decoded.source).toEqual({ format: 'wav', sampleRate: 8000, channels: 1, bitDepth: 16 });
    expect(decoded.samples.length).toBe(frames * 2);
    expect(decoded.durationSeconds).toBeCloseTo(frames / 8000, 6);
    expect(Math.max(...decoded.samples.map(Math.abs))).toBeGreaterThan(0.05);
  });
});

describe('decodeAudio: refusals', () => {
  it('empty body → empty (422); a limit that is not positive is a programming error', async () => {
    expect(await refusal(new Uint8Array(0))).toMatchObject({ code: 'empty', status: 422 });
    await expect(decodeAudio(new Uint8Array(8), { maxSeconds: 0 })).rejects.toThrow(RangeError);
  });

  it('random bytes (as if labelled audio/wav) → undecodable (422), quickly', async () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 1 << 20 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const started = performance.now();
    const error = await refusal(noise);
    expect(error).toMatchObject({ code: 'undecodable', status: 422 });
    expect(error.message).toMatch(/not recognisable audio/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('too long, from the WAV header, before decoding (413)', async () => {
    const bytes = encodeWav([new Float32Array(16000 * 3)], { sampleRate: 16000, encoding: 'pcm', bitDepth: 16 });
    const error = await refusal(bytes, 2);
    expect(error).toMatchObject({ code: 'too_long', status: 413, message: 'Audio is 3.0 s long, over the 2 s limit' });
  });

  it('non-finite float samples → undecodable', async () => {
    const samples = new Float32Array(1600);
    samples[800] = Number.NaN;
    const error = await refusal(encodeWav([samples], { sampleRate: 16000, encoding: 'float', bitDepth: 32 }));
    expect(error).toMatchObject({ code: 'undecodable', message: 'wav audio contains non-finite sample values' });
  });
});
