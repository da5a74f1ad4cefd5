import { AudioError } from './errors';

export type WavEncoding = 'pcm' | 'float' | 'alaw' | 'ulaw';

/** A WAV file's format and the location of its sample bytes, checked against the file's real size. */
export interface WavHeader {
  encoding: WavEncoding;
  channels: number;
  sampleRate: number;
  bitDepth: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
  dataOffset: number;
  /** Whole frames only: a trailing partial frame is dropped. */
  dataBytes: number;
  frames: number;
  durationSeconds: number;
}

type WavFormat = Pick<WavHeader, 'encoding' | 'channels' | 'sampleRate' | 'bitDepth' | 'blockAlign'>;

// WAVE format tags (RFC 2361) we decode, and the names of common ones we do not, for the message.
const FORMAT_TAGS: Record<WavEncoding, number> = { pcm: 1, float: 3, alaw: 6, ulaw: 7 };
const DEPTHS: Record<WavEncoding, readonly number[]> = { pcm: [8, 16, 24, 32], float: [32, 64], alaw: [8], ulaw: [8] };
const KNOWN_CODECS: Record<number, string> = {
  0x2: 'Microsoft ADPCM', 0x11: 'IMA ADPCM', 0x31: 'GSM 6.10', 0x40: 'G.721 ADPCM', 0x50: 'MPEG',
  0x55: 'MPEG layer 3', 0xff: 'AAC', 0x161: 'WMA', 0x2000: 'AC-3',
};
const EXTENSIBLE = 0xfffe;
// Writers streaming a WAV of unknown length put this in the data size; it means "to the end".
const UNKNOWN_LENGTH = 0xffffffff;
const MIN_RATE = 4000;
const MAX_RATE = 384000;
const MAX_CHANNELS = 32;

/**
 * Reads and validates a RIFF/WAVE header before any decoder sees the bytes, so that a header
 * lying about its size, a file with no samples, or a codec we do not decode is refused with
 * a precise reason instead of a decoder error or a huge allocation.
 */
export function parseWavHeader(bytes: Uint8Array): WavHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 4 && fourCC(bytes, 0) === 'RF64') {
    throw new AudioError('unsupported_format', 'RF64 (64-bit WAV) files are not supported; use a standard WAV');
  }
  if (bytes.length < 12 || fourCC(bytes, 0) !== 'RIFF' || fourCC(bytes, 8) !== 'WAVE') {
    throw new AudioError('undecodable', 'Not a WAV file: no RIFF/WAVE header');
  }
  let format: WavFormat | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = fourCC(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') format = readFormat(view, body, size);
    if (id === 'data') {
      if (!format) throw new AudioError('undecodable', 'WAV data chunk comes before its fmt chunk');
      return withData(format, body, size, bytes.length);
    }
    // Chunks are word-aligned: an odd-sized chunk is followed by a pad byte.
    offset = body + size + (size % 2);
  }
  throw new AudioError(format ? 'empty' : 'undecodable', format ? 'WAV file has no data chunk' : 'WAV file has no fmt chunk');
}

function readFormat(view: DataView, body: number, size: number): WavFormat {
  if (size < 16 || body + 16 > view.byteLength) throw new AudioError('undecodable', `WAV fmt chunk is truncated (${size} bytes)`);
  let tag = view.getUint16(body, true);
  if (tag === EXTENSIBLE) {
    if (size < 40 || body + 40 > view.byteLength) throw new AudioError('undecodable', 'WAV extensible fmt chunk is truncated');
    tag = view.getUint16(body + 24, true); // the SubFormat GUID starts with the plain format tag
  }
  const channels = view.getUint16(body + 2, true);
  const sampleRate = view.getUint32(body + 4, true);
  const blockAlign = view.getUint16(body + 12, true);
  const bitDepth = view.getUint16(body + 14, true);
  const encoding = (Object.keys(FORMAT_TAGS) as WavEncoding[]).find((e) => FORMAT_TAGS[e] === tag);
  if (!encoding) {
    const name = KNOWN_CODECS[tag] ?? `format tag 0x${tag.toString(16).padStart(4, '0')}`;
    throw new AudioError('unsupported_format', `WAV codec ${name} is not supported; use PCM or IEEE float`);
  }
  if (!DEPTHS[encoding].includes(bitDepth)) {
    throw new AudioError('unsupported_format', `${bitDepth}-bit ${encoding} WAV is not supported (${DEPTHS[encoding].join('/')}-bit are)`);
  }
  if (channels < 1 || channels > MAX_CHANNELS) {
    throw new AudioError('undecodable', `WAV header declares ${channels} channels (1-${MAX_CHANNELS} are valid)`);
  }
  if (sampleRate === 0) throw new AudioError('undecodable', 'WAV header declares a sample rate of 0 Hz');
  if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
    throw new AudioError('unsupported_format', `WAV sample rate ${sampleRate} Hz is outside ${MIN_RATE}-${MAX_RATE} Hz`);
  }
  if (blockAlign !== (channels * bitDepth) / 8) {
    throw new AudioError('undecodable', `WAV block align ${blockAlign} does not match ${channels} channels of ${bitDepth} bits`);
  }
  return { encoding, channels, sampleRate, bitDepth, blockAlign };
}

function withData(format: WavFormat, dataOffset: number, declared: number, fileBytes: number): WavHeader {
  const available = fileBytes - dataOffset;
  if (declared !== UNKNOWN_LENGTH && declared > available) {
    const seconds = declared / format.blockAlign / format.sampleRate;
    throw new AudioError(
      'undecodable',
      `WAV data chunk declares ${declared} bytes (${seconds.toFixed(1)} s) but the file holds only ${available}: truncated or corrupt`,
    );
  }
  const bytes = declared === UNKNOWN_LENGTH ? available : declared;
  const frames = Math.floor(bytes / format.blockAlign);
  if (frames === 0) throw new AudioError('empty', 'WAV file contains no samples');
  return {
    ...format,
    dataOffset,
    dataBytes: frames * format.blockAlign,
    frames,
    durationSeconds: frames / format.sampleRate,
  };
}

/**
 * A minimal 44-byte header for exactly the validated data, so the decoder reads what was
 * checked here (and never trips over odd-sized chunks or extensible headers it may parse differently).
 */
export function canonicalWavHeader(header: WavHeader): Uint8Array {
  const out = new Uint8Array(44);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('RIFF'), 0);
  view.setUint32(4, 36 + header.dataBytes, true);
  out.set(new TextEncoder().encode('WAVEfmt '), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_TAGS[header.encoding], true);
  view.setUint16(22, header.channels, true);
  view.setUint32(24, header.sampleRate, true);
  view.setUint32(28, header.sampleRate * header.blockAlign, true);
  view.setUint16(32, header.blockAlign, true);
  view.setUint16(34, header.bitDepth, true);
  out.set(new TextEncoder().encode('data'), 36);
  view.setUint32(40, header.dataBytes, true);
  return out;
}

function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
