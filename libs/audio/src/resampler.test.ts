import { describe, expect, it } from 'vitest';
import { resample, Resampler } from './resampler';
import { decibels, tone, toneAmplitude } from './test-support/signals';

describe('Resampler frequency response', () => {
  it('48 kHz → 16 kHz: a 1 kHz tone passes unchanged, 7.9 kHz (inside the output band, above the cutoff) loses ≥ 40 dB', () => {
    const pass = resample(tone(1000, 48000, 1), 48000, 16000);
    expect(Math.abs(decibels(toneAmplitude(pass, 16000, 1000) / 0.5))).toBeLessThan(0.05);

    const edge = resample(tone(7900, 48000, 1), 48000, 16000);
    expect(decibels(toneAmplitude(edge, 16000, 7900) / 0.5)).toBeLessThan(-40);
  });

  it('48 kHz → 16 kHz: a 10 kHz tone does not alias to 6 kHz', () => {
    const out = resample(tone(10000, 48000, 1), 48000, 16000);
    expect(decibels(toneAmplitude(out, 16000, 6000) / 0.5)).toBeLessThan(-60);
  });

  it('44.1 kHz and 22.05 kHz → 16 kHz (160/441 and 320/441 polyphase) keep 1 kHz and remove 9 kHz', () => {
    for (const rate of [44100, 22050]) {
      const out = resample(tone(1000, rate, 1), rate, 16000);
      expect(out.length).toBe(16000);
      expect(Math.abs(decibels(toneAmplitude(out, 16000, 1000) / 0.5))).toBeLessThan(0.05);
      // 9 kHz would fold to 7 kHz at 16 kHz.
      const folded = resample(tone(9000, rate, 1), rate, 16000);
      expect(decibels(toneAmplitude(folded, 16000, 7000) / 0.5)).toBeLessThan(-60);
    }
  });

  it('8 kHz → 16 kHz (FSDD): keeps a 1 kHz tone and suppresses its 7 kHz image', () => {
    const out = resample(tone(1000, 8000, 1), 8000, 16000);
    expect(out.length).toBe(16000);
    expect(Math.abs(decibels(toneAmplitude(out, 16000, 1000) / 0.5))).toBeLessThan(0.05);
    expect(decibels(toneAmplitude(out, 16000, 7000) / 0.5)).toBeLessThan(-60);
  });

  it('has no delay: a resampled tone keeps its phase', () => {
    const out = resample(tone(440, 48000, 1), 48000, 16000);
    const expected = tone(440, 16000, 1);
    const middle = out.subarray(4000, 12000).map((v, i) => Math.abs(v - expected[4000 + i]!));
    expect(Math.max(...middle)).toBeLessThan(1e-3);
  });

  it('handles a rate pair beyond the exact phase table (44 101 Hz) with the same response', () => {
    const out = resample(tone(1000, 44101, 1), 44101, 16000);
    expect(out.length).toBe(Math.ceil((44101 * 16000) / 44101));
    expect(Math.abs(decibels(toneAmplitude(out, 16000, 1000) / 0.5))).toBeLessThan(0.05);
  });
});

describe('Resampler streaming', () => {
  it('gives the same samples whatever the chunking, and ceil(n·to/from) of them', () => {
    const input = Float32Array.from({ length: 10007 }, (_, i) => Math.sin(i * 0.01) + 0.3 * Math.sin(i * 1.3));
    const whole = resample(input, 22050, 16000);
    const streamed = new Resampler({ from: 22050, to: 16000 });
    const parts: number[] = [];
    for (let start = 0, size = 1; start < input.length; start += size, size = (size * 7) % 3001 + 1) {
      parts.push(...streamed.process(input.subarray(start, start + size)));
    }
    parts.push(...streamed.flush());
    expect(parts.length).toBe(Math.ceil((10007 * 16000) / 22050));
    expect(parts.length).toBe(whole.length);
    expect(Math.max(...parts.map((v, i) => Math.abs(v - whole[i]!)))).toBeLessThan(1e-6);
  });

  it('passes audio at the target rate through untouched, and rejects bad rates', () => {
    const input = new Float32Array([0.1, -0.2, 0.3]);
    expect(resample(input, 16000, 16000)).toEqual(input);
    expect(() => new Resampler({ from: 0, to: 16000 })).toThrow(/'from' must be a positive integer rate/);
    expect(() => new Resampler({ from: 8000, to: 16000, passband: 0.99, stopband: 0.9 })).toThrow(/passband < stopband/);
  });
});
