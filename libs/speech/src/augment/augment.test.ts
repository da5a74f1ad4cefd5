import { createRng } from '@dl-suite/ml-training';
import { describe, expect, it } from 'vitest';
import { maskSignal, peakingFilter } from './masking';
import { addNoise, colouredNoise, speechPower } from './noise';
import { reverberate } from './reverb';
import { perturbSpeedAndPitch, readFaster } from './speed-pitch';
import { timeStretch } from './time-stretch';

const RATE = 16000;
const sine = (hz: number, seconds: number) => Float32Array.from({ length: Math.round(seconds * RATE) }, (_, n) => 0.5 * Math.sin((2 * Math.PI * hz * n) / RATE));

/** Frequency from upward zero crossings over the middle of the signal (edges have fades). */
function frequency(x: Float32Array): number {
  const from = Math.floor(x.length * 0.2);
  const to = Math.floor(x.length * 0.8);
  let crossings = 0;
  for (let n = from + 1; n < to; n++) if (x[n - 1]! < 0 && x[n]! >= 0) crossings++;
  return (crossings * RATE) / (to - from);
}

const powerDb = (x: Float32Array) => 10 * Math.log10(x.reduce((s, v) => s + v * v, 0) / x.length);

describe('speed and pitch', () => {
  it('timeStretch changes the duration but not the pitch', () => {
    for (const rate of [0.8, 1.25]) {
      const out = timeStretch(sine(220, 1), rate);
      expect(out.length).toBe(Math.round(RATE / rate));
      expect(frequency(out)).toBeCloseTo(220, -1); // within ±5 Hz
      // WSOLA keeps the waveform in phase, so the level stays that of the sine (−9 dB), no cancellations.
      expect(Math.abs(powerDb(out.subarray(2000, -2000)) - powerDb(sine(220, 1)))).toBeLessThan(0.5);
    }
  });

  it('readFaster raises pitch and shortens by the same factor', () => {
    const out = readFaster(sine(200, 1), 1.2);
    expect(out.length).toBe(Math.floor((RATE - 1) / 1.2) + 1);
    expect(frequency(out)).toBeCloseTo(240, -1);
  });

  it('perturbSpeedAndPitch sets tempo and pitch independently', () => {
    const out = perturbSpeedAndPitch(sine(200, 1), 0.9, 1.15);
    expect(out.length / RATE).toBeCloseTo(1 / 0.9, 2);
    expect(frequency(out)).toBeCloseTo(230, -1);
  });
});

describe('noise and reverb', () => {
  it('adds noise at the requested SNR relative to the speech level, ignoring pauses', () => {
    const rng = createRng(4);
    // Speech in the first half, silence in the second: the SNR refers to the speech part.
    const speech = new Float32Array(RATE);
    speech.set(sine(300, 0.5));
    for (const colour of ['white', 'pink', 'brown'] as const) {
      const noise = colouredNoise(speech.length, colour, rng);
      const noisy = addNoise(speech, noise, 10);
      const added = noisy.map((x, n) => x - speech[n]!);
      expect(10 * Math.log10(speechPower(speech) / (added.reduce((s, v) => s + v * v, 0) / added.length))).toBeCloseTo(10, 1);
    }
  });

  it('pink and brown noise tilt towards low frequencies', () => {
    const rng = createRng(5);
    // Power of first differences over power: high for white noise, small for low-frequency noise.
    const roughness = (x: Float32Array) => x.slice(1).reduce((s, v, n) => s + (v - x[n]!) ** 2, 0) / x.reduce((s, v) => s + v * v, 0);
    const [white, pink, brown] = (['white', 'pink', 'brown'] as const).map((c) => roughness(colouredNoise(RATE, c, rng))) as [number, number, number];
    expect(white).toBeCloseTo(2, 0);
    expect(pink).toBeLessThan(white / 2);
    expect(brown).toBeLessThan(pink / 10);
  });

  it('reverb leaves a tail that decays by about 60 dB per rt60', () => {
    const click = new Float32Array(1600);
    click[0] = 1;
    const rt60 = 0.4;
    const out = reverberate(click, { rt60, wet: 0.5, size: 1 });
    expect(out.length).toBe(1600 + rt60 * RATE * 0.5);
    // Energy in 50 ms windows 0.05 s and 0.15 s after the click: 0.1 s is a quarter rt60, i.e. −15 dB.
    const windowDb = (start: number) => powerDb(out.subarray(start * RATE, start * RATE + 800));
    expect(windowDb(0.05) - windowDb(0.15)).toBeGreaterThan(10);
    expect(windowDb(0.05) - windowDb(0.15)).toBeLessThan(20);
  });
});

describe('masking', () => {
  it('a peaking notch removes ~30 dB at its centre and under 2.5 dB an octave away', () => {
    const notch = (hz: number) => peakingFilter(sine(hz, 0.5), 1000, 200, -30).subarray(2000);
    expect(powerDb(notch(1000)) - powerDb(sine(1000, 0.5))).toBeLessThan(-25);
    expect(Math.abs(powerDb(notch(2000)) - powerDb(sine(2000, 0.5)))).toBeLessThan(2.5); // measured 1.7
  });

  it('silences the requested number of spans and keeps the length', () => {
    const signal = sine(300, 1).map((x) => x + 0.6); // never zero
    const out = maskSignal(signal, createRng(3), { timeMasks: [2, 2], timeMaskSeconds: [0.05, 0.05], frequencyMasks: [0, 0] });
    expect(out.length).toBe(signal.length);
    const zeros = out.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
    expect(zeros).toBeGreaterThan(800); // one or two 800-sample spans (they may overlap)
    expect(zeros).toBeLessThanOrEqual(1600);
  });
});
