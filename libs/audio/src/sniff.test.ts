import { describe, expect, it } from 'vitest';
import { AudioError } from './errors';
import { detectFormat } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const MP3_FRAME = [0xff, 0xfb, 0x90, 0x64];

function refusal(data: Uint8Array): Pick<AudioError, 'code' | 'message'> {
  try {
    detectFormat(data);
  } catch (error) {
    if (error instanceof AudioError) return { code: error.code, message: error.message };
  }
  throw new Error('expected a refusal');
}

describe('detectFormat', () => {
  it('recognises the supported formats by their first bytes', () => {
    expect(detectFormat(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBe('wav');
    expect(detectFormat(bytes('fLaC', [0, 0, 0, 34]))).toBe('flac');
    expect(detectFormat(bytes(MP3_FRAME))).toBe('mp3');
    // ID3v2 tag: 10-byte header with a synchsafe size of 20, then the first frame.
    expect(detectFormat(bytes('ID3', [4, 0, 0, 0, 0, 0, 20], new Array(20).fill(0), MP3_FRAME))).toBe('mp3');
    const page = (codec: string) => bytes('OggS', new Array(24).fill(0), codec);
    expect(detectFormat(page('OpusHead'))).toBe('opus');
    expect(detectFormat(page('\x01vorbis'))).toBe('vorbis');
  });

  it('names recognised formats it does not decode (415) and refuses anything else as undecodable (422)', () => {
    expect(refusal(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toEqual({
      code: 'unsupported_format',
      message: 'MP4/M4A audio is not supported; send WAV, MP3, FLAC or Ogg Opus/Vorbis',
    });
    expect(refusal(bytes([0xff, 0xf1, 0x50, 0x80])).message).toMatch(/^AAC \(ADTS\)/);
    expect(refusal(bytes('OggS', new Array(24).fill(0), 'Speex   ')).message).toMatch(/codec other than Opus or Vorbis/);
    expect(refusal(bytes('ID3', [4, 0, 0, 0, 0, 0, 2], [0, 0], 'junk'))).toEqual({
      code: 'undecodable',
      message: 'ID3 tag is not followed by MP3 audio',
    });
    expect(refusal(bytes('<html>'))).toMatchObject({ code: 'undecodable' });
    // A sync-like start with a reserved MPEG version is not taken for MP3.
    expect(refusal(bytes([0xff, 0xeb, 0x90, 0x64]))).toMatchObject({ code: 'undecodable' });
    expect(refusal(new Uint8Array(0))).toMatchObject({ code: 'empty' });
  });
});
