import { AudioError } from './errors';

export type AudioFormat = 'wav' | 'mp3' | 'flac' | 'opus' | 'vorbis';

// Formats recognised only to say what they are when refusing them (415 rather than 422).
const UNSUPPORTED: { name: string; at: number; magic: string }[] = [
  { name: 'AIFF', at: 0, magic: 'FORM' },
  { name: 'MP4/M4A', at: 4, magic: 'ftyp' },
  { name: 'WebM/Matroska', at: 0, magic: '\x1a\x45\xdf\xa3' },
  { name: 'AMR', at: 0, magic: '#!AMR' },
  { name: 'Core Audio (CAF)', at: 0, magic: 'caff' },
  { name: 'Sun/NeXT AU', at: 0, magic: '.snd' },
  { name: 'WavPack', at: 0, magic: 'wvpk' },
  { name: "Monkey's Audio", at: 0, magic: 'MAC ' },
  { name: 'MIDI', at: 0, magic: 'MThd' },
];

/**
 * Identifies the container and codec from the first bytes, whatever the request's
 * Content-Type claimed. Throws `unsupported_format` for audio we recognise but do not
 * decode, `undecodable` for bytes that look like no audio at all.
 */
export function detectFormat(bytes: Uint8Array): AudioFormat {
  if (bytes.length === 0) throw new AudioError('empty', 'Audio body is empty');
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WAVE')) return 'wav';
  if (startsWith(bytes, 0, 'RF64')) return 'wav'; // refused with a reason by the header check
  if (startsWith(bytes, 0, 'fLaC')) return 'flac';
  if (startsWith(bytes, 0, 'OggS')) return oggCodec(bytes);
  if (startsWith(bytes, 0, 'ID3')) return afterId3(bytes);
  if (isMpegAudioFrame(bytes, 0)) return 'mp3';
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xf6) === 0xf0) {
    throw new AudioError('unsupported_format', 'AAC (ADTS) audio is not supported; send WAV, MP3, FLAC or Ogg Opus/Vorbis');
  }
  const other = UNSUPPORTED.find((f) => startsWith(bytes, f.at, f.magic));
  if (other) throw new AudioError('unsupported_format', `${other.name} audio is not supported; send WAV, MP3, FLAC or Ogg Opus/Vorbis`);
  throw new AudioError('undecodable', 'Body is not recognisable audio (no WAV, MP3, FLAC or Ogg signature)');
}

// The first Ogg page carries the codec's identification packet at byte 28.
function oggCodec(bytes: Uint8Array): AudioFormat {
  if (startsWith(bytes, 28, 'OpusHead')) return 'opus';
  if (startsWith(bytes, 28, '\x01vorbis')) return 'vorbis';
  throw new AudioError('unsupported_format', 'Ogg stream with a codec other than Opus or Vorbis is not supported');
}

// An ID3v2 tag (10-byte header + synchsafe size) may precede MP3 frames.
function afterId3(bytes: Uint8Array): AudioFormat {
  const size = (((bytes[6] ?? 0) & 0x7f) << 21) | (((bytes[7] ?? 0) & 0x7f) << 14) | (((bytes[8] ?? 0) & 0x7f) << 7) | ((bytes[9] ?? 0) & 0x7f);
  const footer = (bytes[5] ?? 0) & 0x10 ? 10 : 0;
  const audioStart = 10 + size + footer;
  if (isMpegAudioFrame(bytes, audioStart)) return 'mp3';
  throw new AudioError('undecodable', 'ID3 tag is not followed by MP3 audio');
}

/** An MPEG audio frame header: 11 sync bits, a valid layer, bitrate and sample-rate index. */
function isMpegAudioFrame(bytes: Uint8Array, at: number): boolean {
  const [b0, b1, b2] = [bytes[at], bytes[at + 1], bytes[at + 2]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined) return false;
  const sync = (b1 & 0xe0) === 0xe0;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 3;
  return sync && version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3;
}

function startsWith(bytes: Uint8Array, at: number, magic: string): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false;
  return true;
}
