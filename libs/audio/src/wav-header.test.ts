import { describe, expect, it } from 'vitest';
import { AudioError } from './errors';
import { encodeWav, riff } from './test-support/wav-writer';
import { canonicalWavHeader, parseWavHeader } from './wav-header';

const SECOND = new Float32Array(16000).fill(0.25);

function fmtBody(fields: { tag?: number; channels?: number; rate?: number; blockAlign?: number; bits?: number }): Uint8Array {
  const { tag = 1, channels = 1, rate = 16000, bits = 16, blockAlign = (channels * bits) / 8 } = fields;
  const view = new DataView(new ArrayBuffer(16));
  view.setUint16(0, tag, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, rate, true);
  view.setUint32(8, rate * blockAlign, true);
  view.setUint16(12, blockAlign, true);
  view.setUint16(14, bits, true);
  return new Uint8Array(view.buffer);
}

function refusal(bytes: Uint8Array): { code: string; status: number; message: string } {
  try {
    parseWavHeader(bytes);
  } catch (error) {
    if (error instanceof AudioError) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected the header to be refused');
}

describe('parseWavHeader', () => {
  it.each([
    ['pcm', 8],
    ['pcm', 16],
    ['pcm', 24],
    ['pcm', 32],
    ['float', 32],
    ['float', 64],
  ] as const)('reads %s %i-bit, plain and extensible', (encoding, bitDepth) => {
    for (const extensible of [false, true]) {
      const header = parseWavHeader(encodeWav([SECOND, SECOND], { sampleRate: 16000, encoding, bitDepth, extensible }));
      expect(header).toMatchObject({ encoding, bitDepth, channels: 2, sampleRate: 16000, frames: 16000, durationSeconds: 1 });
      expect(header.blockAlign).toBe((2 * bitDepth) / 8);
    }
  });

  it('skips other chunks, including an odd-sized one with its pad byte', () => {
    const list = { id: 'LIST', body: new TextEncoder().encode('INFOodd') }; // 7 bytes + pad
    const bytes = encodeWav([SECOND], { sampleRate: 16000, encoding: 'pcm', bitDepth: 16, extraChunks: [list] });
    expect(parseWavHeader(bytes)).toMatchObject({ dataOffset: 12 + 24 + 16 + 44 - 36, frames: 16000 });
  });

  it('refuses a 44-byte WAV with no samples as empty (422)', () => {
    const bytes = riff([{ id: 'fmt ', body: fmtBody({}) }, { id: 'data', body: new Uint8Array(0) }]);
    expect(bytes.length).toBe(44);
    expect(refusal(bytes)).toEqual({ code: 'empty', status: 422, message: 'WAV file contains no samples' });
  });

  it('refuses a header that lies about its data length, or declares gigabytes (422, naming both sizes)', () => {
    const body = new Uint8Array(3200);
    const lying = riff([{ id: 'fmt ', body: fmtBody({}) }, { id: 'data', body, declaredSize: 32000 }]);
    expect(refusal(lying)).toMatchObject({ code: 'undecodable', status: 422 });
    expect(refusal(lying).message).toMatch(/declares 32000 bytes \(1\.0 s\) but the file holds only 3200/);

    const huge = riff([{ id: 'fmt ', body: fmtBody({}) }, { id: 'data', body, declaredSize: 0xfffffff0 }]);
    expect(refusal(huge).message).toMatch(/declares 4294967280 bytes \(134217.7 s\)/);
  });

  it('reads to the end of the file (whole frames) when the data size is the streaming placeholder 0xFFFFFFFF', () => {
    const body = new Uint8Array(3200); // 1066 24-bit frames and 2 stray bytes
    const bytes = riff([{ id: 'fmt ', body: fmtBody({ bits: 24 }) }, { id: 'data', body, declaredSize: 0xffffffff }]);
    expect(parseWavHeader(bytes)).toMatchObject({ frames: 1066, dataBytes: 3198 });
  });

  it('refuses codecs and depths it does not decode as unsupported (415), naming them', () => {
    const adpcm = riff([{ id: 'fmt ', body: fmtBody({ tag: 2, bits: 4, blockAlign: 256 }) }, { id: 'data', body: new Uint8Array(256) }]);
    expect(refusal(adpcm)).toEqual({
      code: 'unsupported_format',
      status: 415,
      message: 'WAV codec Microsoft ADPCM is not supported; use PCM or IEEE float',
    });
    const odd = riff([{ id: 'fmt ', body: fmtBody({ tag: 0x1234 }) }, { id: 'data', body: new Uint8Array(2) }]);
    expect(refusal(odd).message).toMatch(/format tag 0x1234/);
    const twelveBit = riff([{ id: 'fmt ', body: fmtBody({ bits: 12, blockAlign: 2 }) }, { id: 'data', body: new Uint8Array(2) }]);
    expect(refusal(twelveBit).message).toBe('12-bit pcm WAV is not supported (8/16/24/32-bit are)');
    expect(refusal(new TextEncoder().encode('RF64\0\0\0\0WAVE'))).toMatchObject({ code: 'unsupported_format' });
  });

  it('refuses inconsistent format fields (422)', () => {
    const data = { id: 'data', body: new Uint8Array(4) };
    expect(refusal(riff([{ id: 'fmt ', body: fmtBody({ channels: 0, blockAlign: 2 }) }, data])).message).toMatch(/declares 0 channels/);
    expect(refusal(riff([{ id: 'fmt ', body: fmtBody({ rate: 0 }) }, data])).message).toMatch(/sample rate of 0 Hz/);
    expect(refusal(riff([{ id: 'fmt ', body: fmtBody({ blockAlign: 3 }) }, data])).message).toMatch(/block align 3/);
    expect(refusal(riff([{ id: 'fmt ', body: fmtBody({ rate: 1000 }) }, data]))).toMatchObject({ code: 'unsupported_format' });
    expect(refusal(riff([data, { id: 'fmt ', body: fmtBody({}) }])).message).toMatch(/data chunk comes before its fmt chunk/);
    expect(refusal(riff([{ id: 'fmt ', body: fmtBody({}).subarray(0, 12) }, data])).message).toMatch(/fmt chunk is truncated/);
    expect(refusal(riff([{ id: 'fmt ', body: fmtBody({}) }]))).toMatchObject({ code: 'empty', message: 'WAV file has no data chunk' });
    expect(refusal(new TextEncoder().encode('RIFF\0\0\0\0AVI LIST'))).toMatchObject({ code: 'undecodable' });
  });

  it('writes a canonical 44-byte header that parses back to the same format', () => {
    const original = parseWavHeader(encodeWav([SECOND, SECOND, SECOND], { sampleRate: 44100, encoding: 'float', bitDepth: 32, extensible: true }));
    const canonical = canonicalWavHeader(original);
    const reparsed = parseWavHeader(new Uint8Array([...canonical, ...new Uint8Array(original.dataBytes)]));
    expect({ ...reparsed, dataOffset: original.dataOffset }).toEqual(original);
    expect(reparsed.dataOffset).toBe(44);
  });
});
