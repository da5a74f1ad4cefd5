import { describe, expect, it } from 'vitest';
import { createRng } from '@dl-suite/ml-training';
import { festivalDigitRecordings, festivalDigitStrings } from './festival';

// Needs festival and its kal voice (README: test prerequisites; .ci/run installs them).
describe('festival speech', () => {
  it('says every digit word per voice variant, with the tempo and the pitch factor applied', async () => {
    const [plain, fast] = await Promise.all([
      festivalDigitRecordings([{ voice: 'kal_diphone', speed: 1, pitch: 1 }]),
      festivalDigitRecordings([{ voice: 'kal_diphone', speed: 1.25, pitch: 1.25 }]),
    ]);
    expect(plain.map((r) => r.digit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(fast.map((r) => r.speaker))).toEqual(new Set(['festival:kal_diphone@1.25x,p1.25']));
    const seconds = (rs: typeof plain) => rs.reduce((sum, r) => sum + r.samples.length, 0) / 16000;
    expect(seconds(plain)).toBeGreaterThan(4);
    expect(seconds(fast) / seconds(plain)).toBeCloseTo(1 / 1.25, 1);
  });

  it('says whole digit strings in one go, each labelled with its digits', async () => {
    const voices = [
      { voice: 'kal_diphone', speed: 1, pitch: 1 },
      { voice: 'kal_diphone', speed: 1.2, pitch: 0.9 },
    ];
    const strings = await festivalDigitStrings(voices, createRng(5), { perVoice: 3, digits: [2, 4] });
    expect(strings.map((u) => u.speaker)).toEqual([...Array(3).fill('festival:kal_diphone@1.00x,p1.00'), ...Array(3).fill('festival:kal_diphone@1.20x,p0.90')]);
    for (const { digits, samples } of strings) {
      expect(digits.length).toBeGreaterThanOrEqual(2);
      expect(digits.length).toBeLessThanOrEqual(4);
      // Roughly 0.2-0.6 s per digit word at these tempos: a string, not one word or silence.
      expect(samples.length / 16000).toBeGreaterThan(0.2 * digits.length);
      expect(samples.length / 16000).toBeLessThan(0.6 * digits.length + 1);
    }
  });

  it('names the Debian package of a voice that is not installed', async () => {
    await expect(festivalDigitRecordings([{ voice: 'no_such_voice', speed: 1, pitch: 1 }])).rejects.toThrow(/festival could not synthesise with voice 'no_such_voice'/);
  });
});
