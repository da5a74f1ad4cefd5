import { describe, expect, it } from 'vitest';
import { encodeWav } from './wav';

describe('encodeWav', () => {
  it('writes a mono 16-bit PCM RIFF header and clipped little-endian samples', () => {
    const wav = new DataView(encodeWav(new Float32Array([0, 0.5, -1, 2]), 16_000));
    const ascii = (offset: number) => String.fromCharCode(...new Uint8Array(wav.buffer, offset, 4));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(wav.byteLength).toBe(44 + 8);
    expect(wav.getUint32(4, true)).toBe(36 + 8);
    expect([wav.getUint16(20, true), wav.getUint16(22, true), wav.getUint32(24, true), wav.getUint16(34, true)]).toEqual([1, 1, 16_000, 16]);
    expect(wav.getUint32(28, true)).toBe(32_000);
    expect(wav.getUint32(40, true)).toBe(8);
    expect([0, 1, 2, 3].map((i) => wav.getInt16(44 + i * 2, true))).toEqual([0, 16383, -32768, 32767]);
  });
});
