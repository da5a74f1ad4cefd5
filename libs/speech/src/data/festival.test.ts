import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { festivalDigitRecordings } from './festival';

// festival is optional (training with festivalVariants > 0 only); .ci/run installs it with its kal voice.
const hasFestival = (() => {
  try {
    execFileSync('festival', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasFestival)('festival digit words', () => {
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

  it('names the Debian package of a voice that is not installed', async () => {
    await expect(festivalDigitRecordings([{ voice: 'no_such_voice', speed: 1, pitch: 1 }])).rejects.toThrow(/festival could not synthesise with voice 'no_such_voice'/);
  });
});
