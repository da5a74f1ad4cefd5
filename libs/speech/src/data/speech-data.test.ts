import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@dl-suite/ml-training';
import { describe, expect, it } from 'vitest';
import { FSDD } from '../test-support/fsdd';
import { DEFAULT_SPEECH_DATA, prepareSpeechData } from './speech-data';

// Human speech only, no synthesis: this checks who each set is drawn from.
const humanOnly = { ...DEFAULT_SPEECH_DATA, fsddDir: FSDD, seed: 3, espeakVoices: 0, espeakStrings: 0, festivalVariants: 0, talkerVariants: { perSpeaker: 0, speed: [1, 1] as [number, number], pitch: [1, 1] as [number, number] }, heldOutUtterances: 12, flitePerVoice: 0 };

describe('prepareSpeechData', () => {
  it('draws validation strings from the held-out speaker by default', async () => {
    const data = await prepareSpeechData({ ...humanOnly, heldOutSpeaker: 'jackson' });
    expect(new Set(data.validation.map((u) => u.speaker))).toEqual(new Set(['jackson']));
    expect(data.summary.validationVoices).toBeUndefined();
  }, 60_000);

  it('draws validation strings from validationDir when given one, and keeps the test draw on the held-out takes', async () => {
    // One FSDD take of each digit under another name stands in for a voice never trained on.
    const dir = await mkdtemp(join(tmpdir(), 'speech-validation-'));
    try {
      for (let digit = 0; digit < 10; digit++) await symlink(join(FSDD, `${digit}_jackson_0.wav`), join(dir, `${digit}_probe_0.wav`));
      const data = await prepareSpeechData({ ...humanOnly, heldOutSpeaker: null, validationDir: dir });
      expect(data.validation).toHaveLength(12);
      expect(new Set(data.validation.map((u) => u.speaker))).toEqual(new Set(['probe']));
      expect(data.summary.validationVoices).toEqual(['probe']);
      expect(data.tests.heldOut.every((u) => u.speaker !== 'probe')).toBe(true);
    } finally {
      await rm(dir, { recursive: true });
    }
  }, 60_000);

  it('draws whole espeak-ng strings for fluentShare of the synthetic utterances (needs espeak-ng)', async () => {
    const synthetic = { ...humanOnly, heldOutSpeaker: 'jackson', espeakVoices: 2, syntheticShare: 1 };
    const spokenDigits = async (fluentShare: number) => {
      const data = await prepareSpeechData({ ...synthetic, espeakStrings: 3, fluentShare });
      const rng = createRng(5);
      return Array.from({ length: 30 }, () => data.nextTrainingUtterance(rng)).map((u) => `${u.speaker}:${u.digits.join('')}`);
    };
    // Six whole strings (two voices × three) can only say six digit sequences; joined words say new ones.
    expect(new Set(await spokenDigits(1)).size).toBeLessThanOrEqual(6);
    expect(new Set(await spokenDigits(0)).size).toBeGreaterThan(6);
  }, 120_000);

  it('adds whole festival strings to the fluent pool (needs festival and its three English voices)', async () => {
    const data = await prepareSpeechData({ ...humanOnly, heldOutSpeaker: 'jackson', festivalVariants: 1, festivalStrings: 2, syntheticShare: 1, fluentShare: 1 });
    const rng = createRng(5);
    const drawn = Array.from({ length: 30 }, () => data.nextTrainingUtterance(rng));
    // Three voices × two strings: at most six digit sequences, every one spoken by festival.
    expect(drawn.every((u) => u.speaker.startsWith('festival:'))).toBe(true);
    expect(new Set(drawn.map((u) => `${u.speaker}:${u.digits.join('')}`)).size).toBeLessThanOrEqual(6);
    expect(data.summary.syntheticVoices).toBe(3);
  }, 120_000);

  it('adds Pico and MBROLA words and whole strings to the synthetic pool (needs pico2wave and four MBROLA voices)', async () => {
    const data = await prepareSpeechData({ ...humanOnly, heldOutSpeaker: 'jackson', picoMbrolaVariants: 1, picoMbrolaStrings: 2, syntheticShare: 1, fluentShare: 0.5 });
    const rng = createRng(5);
    const drawn = Array.from({ length: 60 }, () => data.nextTrainingUtterance(rng));
    expect(data.summary.syntheticVoices).toBe(6);
    expect(new Set(drawn.map((u) => u.speaker.split(':')[0]))).toEqual(new Set(['pico', 'espeak-ng']));
    expect(drawn.some((u) => u.speaker.startsWith('espeak-ng:mb-'))).toBe(true);
  }, 120_000);
});
