import { describe, expect, it } from 'vitest';
import { synthesize, type SynthVoice } from './synthesize';

const seconds = (samples: Float32Array) => samples.length / 16000;

// Needs pico2wave and the MBROLA us2 voice (Debian non-free; README: test prerequisites, .ci/run installs them).
describe('synthesize', () => {
  it.each<[string, Omit<SynthVoice, 'speed' | 'pitch'>]>([
    ['SVOX Pico', { engine: 'pico', voice: 'en-GB' }],
    ['MBROLA through espeak-ng', { engine: 'espeak-ng', voice: 'mb-us2' }],
  ])('speaks digit words with %s at 16 kHz, faster when asked', async (_, base) => {
    const text = 'four two seven nine';
    const [plain, fast] = await Promise.all([synthesize(text, { ...base, speed: 1, pitch: 1 }), synthesize(text, { ...base, speed: 1.3, pitch: 1.2 })]);
    // Four words take roughly 0.25-0.5 s each: speech, not an empty file or a beep.
    expect(seconds(plain)).toBeGreaterThan(1);
    expect(seconds(plain)).toBeLessThan(2.5);
    expect(Math.max(...plain.map(Math.abs))).toBeGreaterThan(0.05);
    expect(seconds(fast) / seconds(plain)).toBeLessThan(0.9);
  });

  it('names the missing Debian package of an MBROLA voice', async () => {
    await expect(synthesize('four', { engine: 'espeak-ng', voice: 'mb-xx9', speed: 1, pitch: 1 })).rejects.toThrow(/mbrola-xx9/);
  });
});
