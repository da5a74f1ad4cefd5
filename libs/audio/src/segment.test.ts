import { afterAll, describe, expect, it } from 'vitest';
import { decodeAudio } from './decode-audio';
import { packSegments, segmentSpeech, type SpeechSegment } from './segment';
import { run, scratch } from './test-support/tools';

const RATE = 16000;

/** Seeded white noise at `db` dBFS RMS. */
function noise(seconds: number, db: number, seed = 1): Float32Array {
  let state = seed;
  const scale = 10 ** (db / 20) * Math.sqrt(3); // uniform [-a, a] has RMS a/√3
  return Float32Array.from({ length: Math.round(seconds * RATE) }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32 - 0.5) * 2 * scale;
  });
}

/** Concatenates [seconds, level dBFS or null for digital silence] parts. */
function sequence(parts: [number, number | null][]): Float32Array {
  const pieces = parts.map(([seconds, db], i) => (db === null ? new Float32Array(Math.round(seconds * RATE)) : noise(seconds, db, i + 1)));
  const out = new Float32Array(pieces.reduce((n, p) => n + p.length, 0));
  pieces.reduce((offset, p) => (out.set(p, offset), offset + p.length), 0);
  return out;
}

const seconds = (s: SpeechSegment) => [s.start / RATE, s.end / RATE];

describe('segmentSpeech', () => {
  it('finds no speech in digital silence, steady quiet noise, or nothing', () => {
    expect(segmentSpeech(new Float32Array(RATE * 5))).toEqual([]);
    expect(segmentSpeech(noise(5, -60))).toEqual([]);
    expect(segmentSpeech(new Float32Array(0))).toEqual([]);
  });

  it('cuts at pauses, pads each stretch of speech, and keeps short pauses inside a segment', () => {
    // speech 0.5-1.5 (with a 0.1 s pause), 2.3-2.9, over a -70 dBFS background
    const audio = sequence([[0.5, -70], [0.5, -20], [0.1, -70], [0.4, -25], [0.8, -70], [0.6, -20], [1, -70]]);
    const segments = segmentSpeech(audio);
    expect(segments).toHaveLength(2);
    const [a, b] = segments.map(seconds);
    expect(a![0]).toBeCloseTo(0.35, 1);
    expect(a![1]).toBeCloseTo(1.65, 1);
    expect(b![0]).toBeCloseTo(2.15, 1);
    expect(b![1]).toBeCloseTo(3.05, 1);
    for (const s of segments) expect([s.keepStart, s.keepEnd]).toEqual([s.start, s.end]);
  });

  it('drops clicks shorter than minSpeechSeconds and adapts to a noise floor', () => {
    const audio = sequence([[1, -45], [0.03, -10], [1, -45], [0.5, -20], [1, -45]]);
    const segments = segmentSpeech(audio);
    expect(segments.map(seconds)).toHaveLength(1);
    expect(seconds(segments[0]!)[0]).toBeCloseTo(1.88, 1);
  });

  it('cuts long speech at short pauses when it can, without overlap', () => {
    // 8 × (2.8 s speech + 0.2 s pause, too short to end a segment): one 24 s stretch, max 10 s.
    const audio = sequence(Array.from({ length: 8 }, () => [[2.8, -20], [0.2, -70]] as [number, number][]).flat());
    const segments = segmentSpeech(audio, { maxSegmentSeconds: 10 });
    expect(segments.length).toBeGreaterThan(2);
    for (const [i, s] of segments.entries()) {
      expect(s.end - s.start).toBeLessThanOrEqual(10 * RATE);
      if (i > 0) expect(s.start).toBe(segments[i - 1]!.end); // cut, not overlapped
      expect([s.keepStart, s.keepEnd]).toEqual([s.start, s.end]);
    }
    // Every cut falls in a pause: 2.8 + 3k .. 3 + 3k seconds.
    for (const s of segments.slice(1)) expect((s.start / RATE) % 3).toBeGreaterThanOrEqual(2.79);
  });

  it('falls back to overlapping windows in continuous speech, with keep ranges that tile it exactly', () => {
    const audio = sequence([[0.5, null], [45, -20], [0.5, null]]);
    const segments = segmentSpeech(audio, { maxSegmentSeconds: 20, overlapSeconds: 1 });
    expect(segments.length).toBe(3);
    for (const [i, s] of segments.entries()) {
      expect(s.end - s.start).toBeLessThanOrEqual(20 * RATE);
      if (i === 0) continue;
      const previous = segments[i - 1]!;
      expect(previous.end - s.start).toBe(RATE); // 1 s of shared audio
      expect(s.keepStart).toBe(previous.keepEnd); // … split half and half
      expect(s.keepStart - s.start).toBe(RATE / 2);
    }
    expect(segments[0]!.keepStart).toBe(segments[0]!.start);
    expect(segments.at(-1)!.keepEnd).toBe(segments.at(-1)!.end);
  });

  it('packs segments into windows up to a maximum, pauses included, and never joins an overlapping cut', () => {
    // Speech at 0.5, 2.3 and 25 s: the first two share a window, the third is too far for a 20 s one.
    const audio = sequence([[0.5, -70], [1, -20], [0.8, -70], [0.6, -20], [22, -70], [1, -20], [1, -70]]);
    const segments = segmentSpeech(audio);
    expect(segments).toHaveLength(3);
    const windows = packSegments(segments, { maxSeconds: 20 });
    expect(windows).toEqual([
      { start: segments[0]!.start, end: segments[1]!.end, keepStart: segments[0]!.start, keepEnd: segments[1]!.end, pauses: [segments[1]!.start] },
      { ...segments[2], pauses: [] },
    ]);
    expect(packSegments(segments, { maxSeconds: 30 })).toHaveLength(1);

    const continuous = segmentSpeech(sequence([[0.5, null], [45, -20], [0.5, null]]), { maxSegmentSeconds: 20, overlapSeconds: 1 });
    expect(packSegments(continuous, { maxSeconds: 60 })).toEqual(continuous.map((s) => ({ ...s, pauses: [] })));
    expect(packSegments([])).toEqual([]);
  });

  describe('on synthesised speech (espeak-ng)', () => {
    const files = scratch();
    afterAll(() => files.remove());

    it('finds one segment per word when words are 0.6 s apart, also with noise at 20 dB SNR', async () => {
      // -g: gap between words in units of 10 ms.
      run('espeak-ng', ['-v', 'en-us', '-g', '60', '-w', files.path('words.wav'), 'one two three']);
      const { samples } = await decodeAudio(files.read('words.wav'));
      expect(segmentSpeech(samples)).toHaveLength(3);

      const rms = Math.sqrt(samples.reduce((s, v) => s + v * v, 0) / samples.length);
      const hiss = noise(samples.length / RATE, 20 * Math.log10(rms) - 20, 9);
      expect(segmentSpeech(samples.map((v, i) => v + hiss[i]!))).toHaveLength(3);
    });
  });
});
