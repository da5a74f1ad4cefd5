import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio, type DecodedAudio } from './decode-audio';
import { bestCorrelation } from './test-support/signals';
import { run, scratch } from './test-support/tools';
import { refusal } from './test-support/refusal';

// Every file here is generated: speech by espeak-ng, other formats by sox and opusenc
// (Debian: espeak-ng, sox, libsox-fmt-all, opus-tools). A missing tool fails the suite.
const files = scratch();
let reference: DecodedAudio;

beforeAll(async () => {
  run('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', files.path('speech.wav'), 'four two seven nine']);
  // Two different channels: the MP3 decoder folds identical ones back to mono.
  run('sox', [files.path('speech.wav'), '-r', '44100', files.path('speech.mp3'), 'remix', '1', '1v0.5']);
  run('sox', [files.path('speech.wav'), '-r', '48000', '-b', '24', files.path('speech.flac')]);
  run('sox', [files.path('speech.wav'), files.path('speech.ogg')]);
  run('opusenc', ['--quiet', files.path('speech.wav'), files.path('speech.opus')]);
  run('sox', [files.path('speech.wav'), '-e', 'u-law', files.path('ulaw.wav')]);
  run('sox', [files.path('speech.wav'), '-e', 'ima-adpcm', files.path('adpcm.wav')]);
  run('sox', [files.path('speech.wav'), files.path('speech.aiff')]);
  run('sox', ['-n', '-r', '22050', '-b', '16', files.path('tone.wav'), 'synth', '3', 'sine', '440']);
  for (const ext of ['mp3', 'flac', 'ogg']) run('sox', [files.path('tone.wav'), files.path(`tone.${ext}`)]);
  run('opusenc', ['--quiet', files.path('tone.wav'), files.path('tone.opus')]);
  reference = await decodeAudio(files.read('speech.wav'));
});
afterAll(() => files.remove());

describe('decodeAudio: encoded formats (generated with espeak-ng, sox, opusenc)', () => {
  it('reads the espeak-ng WAV (22.05 kHz) as the reference', () => {
    expect(reference.source).toEqual({ format: 'wav', sampleRate: 22050, channels: 1, bitDepth: 16 });
    expect(reference.durationSeconds).toBeGreaterThan(1);
  });

  it.each([
    ['speech.mp3', { format: 'mp3', sampleRate: 44100, channels: 2 }, 0.9],
    ['speech.flac', { format: 'flac', sampleRate: 48000, channels: 1, bitDepth: 24 }, 0.999],
    ['speech.ogg', { format: 'vorbis', sampleRate: 22050, channels: 1 }, 0.9],
    ['speech.opus', { format: 'opus', sampleRate: 48000, channels: 1 }, 0.9],
    ['ulaw.wav', { format: 'wav', sampleRate: 22050, channels: 1, bitDepth: 8 }, 0.99],
  ])('%s decodes to 16 kHz mono matching the reference', async (name, source, minCorrelation) => {
    const decoded = await decodeAudio(files.read(name));
    expect(decoded.source).toEqual(source);
    expect(decoded.sampleRate).toBe(16000);
    // MP3 keeps its encoder delay and padding (up to ~50 ms); the others are sample-exact in length.
    expect(Math.abs(decoded.durationSeconds - reference.durationSeconds)).toBeLessThan(source.format === 'mp3' ? 0.1 : 0.002);
    const { correlation } = bestCorrelation(reference.samples, decoded.samples, 800);
    expect(correlation).toBeGreaterThan(minCorrelation);
  });

  it('decodes an MP3 behind an ID3v2 tag', async () => {
    const tag = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 1, 0, ...new Array(128).fill(0)]); // 128-byte body
    const mp3 = files.read('speech.mp3');
    const tagged = new Uint8Array(tag.length + mp3.length);
    tagged.set(tag);
    tagged.set(mp3, tag.length);
    expect((await decodeAudio(tagged)).samples.length).toBe((await decodeAudio(mp3)).samples.length);
  });

  it('refuses audio over the limit (413): from FLAC/Ogg metadata before decoding, MP3 while decoding', async () => {
    for (const name of ['tone.flac', 'tone.ogg', 'tone.opus', 'tone.wav']) {
      expect(await refusal(files.read(name), 2), name).toMatchObject({
        code: 'too_long',
        status: 413,
        message: 'Audio is 3.0 s long, over the 2 s limit',
      });
    }
    const mp3 = await refusal(files.read('tone.mp3'), 2);
    expect(mp3).toMatchObject({ code: 'too_long', status: 413 });
    expect(mp3.message).toMatch(/^Audio runs to at least [\d.]+ s, over the 2 s limit$/);
    await expect(decodeAudio(files.read('tone.mp3'), { maxSeconds: 3.2 })).resolves.toMatchObject({ sampleRate: 16000 });
  });

  it('refuses unsupported codecs and containers as 415, naming them', async () => {
    expect(await refusal(files.read('adpcm.wav'))).toMatchObject({
      code: 'unsupported_format',
      status: 415,
      message: 'WAV codec IMA ADPCM is not supported; use PCM or IEEE float',
    });
    expect(await refusal(files.read('speech.aiff'))).toMatchObject({
      code: 'unsupported_format',
      message: 'AIFF audio is not supported; send WAV, MP3, FLAC or Ogg Opus/Vorbis',
    });
  });

  it('refuses a corrupt stream behind a valid signature as 422', async () => {
    const flac = files.read('speech.flac');
    let seed = 3;
    const corrupt = flac.map((byte, i) => (i < 42 ? byte : (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    expect((await refusal(corrupt)).status).toBe(422);
  });
});
