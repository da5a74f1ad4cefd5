import { createRng } from '@dl-suite/ml-training';
import { beforeAll, describe, expect, it } from 'vitest';
import { FSDD } from '../test-support/fsdd';
import { connectedDigitUtterance, speakerPool, type SpeakerPool } from './connected';
import { loadFsddRecordings } from './fsdd';
import type { DigitRecording } from './recording';

let recordings: DigitRecording[];
let pool: SpeakerPool;

beforeAll(async () => {
  recordings = await loadFsddRecordings(FSDD, ['george']);
  pool = speakerPool(recordings);
});

describe('connected-digit utterances from FSDD', () => {
  it('loads one speaker: 50 takes of each digit at 16 kHz', () => {
    expect(recordings).toHaveLength(500);
    expect(new Set(recordings.map((r) => r.speaker))).toEqual(new Set(['george']));
    const zeros = recordings.filter((r) => r.digit === 0);
    expect(zeros).toHaveLength(50);
    // 8 kHz files of 0.2–1 s come out at twice as many samples.
    expect(Math.min(...zeros.map((r) => r.samples.length))).toBeGreaterThan(0.2 * 16000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => connectedDigitUtterance(pool, rng, { digits: [2, 6] }));
    };
    const [a, b, c] = [draw(1), draw(1), draw(2)];
    expect(a.map((u) => u.digits)).toEqual(b.map((u) => u.digits));
    a.forEach((u, i) => expect(u.samples).toEqual(b[i]!.samples));
    expect(a.map((u) => u.digits)).not.toEqual(c.map((u) => u.digits));
  });

  it('joins one take per digit with pauses: the length is the words plus gaps within the configured ranges', () => {
    const rng = createRng(9);
    for (let i = 0; i < 20; i++) {
      const u = connectedDigitUtterance(pool, rng, { digits: [3, 5], pauseSeconds: [0.1, 0.2], edgeSeconds: [0.05, 0.1] });
      expect(u.digits.length).toBeGreaterThanOrEqual(3);
      expect(u.digits.length).toBeLessThanOrEqual(5);
      expect(u.speaker).toBe('george');
      const takes = u.digits.map((d) => recordings.filter((r) => r.digit === d).map((r) => r.samples.length));
      const shortest = takes.reduce((sum, lengths) => sum + Math.min(...lengths), 0);
      const longest = takes.reduce((sum, lengths) => sum + Math.max(...lengths), 0);
      const gaps = u.digits.length - 1;
      expect(u.samples.length).toBeGreaterThanOrEqual(shortest + 16000 * (gaps * 0.1 + 2 * 0.05) - 2);
      expect(u.samples.length).toBeLessThanOrEqual(longest + 16000 * (gaps * 0.2 + 2 * 0.1) + 2);
      // Edges are digital silence, the words are not.
      expect(u.samples.subarray(0, 800).every((x) => x === 0)).toBe(true);
      expect(Math.max(...u.samples.map(Math.abs))).toBeGreaterThan(0.01);
    }
  });

  it('refuses a speaker who lacks a digit', () => {
    expect(() => speakerPool(recordings.filter((r) => r.digit !== 7))).toThrow(/george lacks a recording/);
  });
});
