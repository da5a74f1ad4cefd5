import type { AudioFormat } from './sniff';

/** What a container declares about its stream before any decoding. */
export interface DeclaredStream {
  durationSeconds?: number;
  bitDepth?: number;
}

/**
 * Reads the declared length from container metadata, where it is cheap and exact, so that
 * over-long audio is refused before decoding: FLAC's STREAMINFO sample count and the granule
 * position of an Ogg stream's last page. MP3 declares nothing reliable; its length is enforced
 * while decoding. (WAV is covered by the header check.)
 */
export function probeStream(format: AudioFormat, bytes: Uint8Array): DeclaredStream {
  if (format === 'flac') return flacStreamInfo(bytes);
  if (format === 'opus' || format === 'vorbis') return oggDuration(format, bytes);
  return {};
}

// fLaC, then the STREAMINFO block (4-byte block header + 34-byte body).
function flacStreamInfo(bytes: Uint8Array): DeclaredStream {
  if (bytes.length < 4 + 4 + 18 || ((bytes[4] as number) & 0x7f) !== 0) return {};
  const b = (i: number) => bytes[8 + i] as number;
  const sampleRate = (b(10) << 12) | (b(11) << 4) | (b(12) >> 4);
  const bitDepth = (((b(12) & 1) << 4) | (b(13) >> 4)) + 1;
  // 36-bit total sample count; 0 means "unknown".
  const totalSamples = (b(13) & 0x0f) * 2 ** 32 + ((b(14) << 24) >>> 0) + (b(15) << 16) + (b(16) << 8) + b(17);
  if (sampleRate === 0) return { bitDepth };
  return { bitDepth, ...(totalSamples > 0 ? { durationSeconds: totalSamples / sampleRate } : {}) };
}

const OGG_TAIL_BYTES = 65536 + 27 + 255; // the last page is at most this long

function oggDuration(format: 'opus' | 'vorbis', bytes: Uint8Array): DeclaredStream {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Opus granules count 48 kHz samples including the pre-skip; Vorbis granules count samples at its rate.
  const rate = format === 'opus' ? 48000 : bytes.length >= 44 ? view.getUint32(28 + 12, true) : 0;
  const preSkip = format === 'opus' && bytes.length >= 40 ? view.getUint16(28 + 10, true) : 0;
  if (rate === 0) return {};
  for (let at = bytes.length - 27; at >= Math.max(0, bytes.length - OGG_TAIL_BYTES); at--) {
    // "OggS", stream structure version 0.
    if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53 || bytes[at + 4] !== 0) continue;
    const granule = view.getBigInt64(at + 6, true);
    if (granule < 0n) return {}; // -1: no packet ends on this page
    return { durationSeconds: Math.max(0, Number(granule) - preSkip) / rate };
  }
  return {};
}
