import decode, { type StreamDecoder } from 'audio-decode';
import { AudioError } from './errors';
import { probeStream } from './probe';
import { Resampler } from './resampler';
import { SampleSink } from './sample-sink';
import { detectFormat, type AudioFormat } from './sniff';
import { canonicalWavHeader, parseWavHeader } from './wav-header';

/** The rate every decoded signal is resampled to: what speech models take. */
export const SPEECH_SAMPLE_RATE = 16000;
/** 30 minutes, the speech service's default limit. */
export const DEFAULT_MAX_SECONDS = 1800;

export interface DecodeAudioOptions {
  /** Longer audio is refused with `too_long` (default 1800 s). */
  maxSeconds?: number;
}

export interface AudioSource {
  format: AudioFormat;
  sampleRate: number;
  channels: number;
  /** Where the container says (WAV, FLAC); lossy codecs have none. */
  bitDepth?: number;
}

export interface DecodedAudio {
  /** Mono, 16 kHz, nominally in [-1, 1]. */
  samples: Float32Array;
  sampleRate: typeof SPEECH_SAMPLE_RATE;
  durationSeconds: number;
  source: AudioSource;
}

// Encoded bytes handed to the decoder at a time: decoded memory stays proportional to this, not to the file.
const CHUNK_BYTES = 1 << 18;

const DECODERS: Record<AudioFormat, () => Promise<StreamDecoder>> = {
  wav: () => decode.wav(),
  mp3: () => decode.mp3(),
  flac: () => decode.flac(),
  opus: () => decode.opus(),
  vorbis: () => decode.oga(),
};

/**
 * Decodes WAV, MP3, FLAC or Ogg Opus/Vorbis bytes to mono 16 kHz samples. Stops as soon as the
 * audio is known to exceed `maxSeconds` — from the container's declared length when it has one,
 * otherwise while decoding chunk by chunk, so a lying or huge file never gets fully decoded.
 * Every refusal is an `AudioError` naming the problem.
 */
export async function decodeAudio(bytes: Uint8Array, options: DecodeAudioOptions = {}): Promise<DecodedAudio> {
  const maxSeconds = options.maxSeconds ?? DEFAULT_MAX_SECONDS;
  if (!(maxSeconds > 0)) throw new RangeError(`decodeAudio: maxSeconds must be positive (got ${maxSeconds})`);
  const format = detectFormat(bytes);
  const { chunks, declaredSeconds, bitDepth } = prepare(format, bytes);
  if (declaredSeconds !== undefined && declaredSeconds > maxSeconds) throw tooLong(`is ${declaredSeconds.toFixed(1)} s long`, maxSeconds);

  const decoder = await DECODERS[format]();
  const sink = new SampleSink(Math.ceil(maxSeconds * SPEECH_SAMPLE_RATE));
  let stream: { resampler: Resampler; sampleRate: number; channels: number } | undefined;
  const consume = (channelData: Float32Array[], sampleRate: number) => {
    if (channelData.length === 0 || (channelData[0]?.length ?? 0) === 0) return;
    stream ??= { resampler: new Resampler({ from: sampleRate, to: SPEECH_SAMPLE_RATE }), sampleRate, channels: channelData.length };
    if (sampleRate !== stream.sampleRate) {
      throw new AudioError('unsupported_format', `${format} stream changes sample rate (${stream.sampleRate} → ${sampleRate} Hz)`);
    }
    append(sink, stream.resampler.process(downmix(channelData, format)), maxSeconds);
  };

  try {
    for (const chunk of chunks) {
      const { channelData, sampleRate } = await decoder(chunk);
      consume(channelData, sampleRate);
    }
    const { channelData, sampleRate } = await decoder();
    consume(channelData, sampleRate);
  } catch (error) {
    decoder.free();
    if (error instanceof AudioError) throw error;
    throw new AudioError('undecodable', `Cannot decode ${format}: ${(error as Error).message}`, { cause: error });
  }
  if (!stream) throw new AudioError('empty', `${format} audio decodes to no samples (empty or corrupt stream)`);
  append(sink, stream.resampler.flush(), maxSeconds);

  const samples = sink.samples();
  return {
    samples,
    sampleRate: SPEECH_SAMPLE_RATE,
    durationSeconds: samples.length / SPEECH_SAMPLE_RATE,
    source: { format, sampleRate: stream.sampleRate, channels: stream.channels, ...(bitDepth ? { bitDepth } : {}) },
  };
}

/** The byte chunks to feed the decoder, and what the container declares. */
function prepare(format: AudioFormat, bytes: Uint8Array): { chunks: Iterable<Uint8Array>; declaredSeconds?: number; bitDepth?: number } {
  if (format === 'wav') {
    const header = parseWavHeader(bytes);
    const data = bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes);
    return {
      chunks: [canonicalWavHeader(header), ...slices(data)],
      declaredSeconds: header.durationSeconds,
      bitDepth: header.bitDepth,
    };
  }
  const declared = probeStream(format, bytes);
  return { chunks: slices(bytes), declaredSeconds: declared.durationSeconds, bitDepth: declared.bitDepth };
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}

/** Mean of the channels; rejects NaN/Infinity (possible in float WAV) before they reach a model. */
function downmix(channels: Float32Array[], format: AudioFormat): Float32Array {
  const length = Math.min(...channels.map((c) => c.length));
  const mono = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] as number;
    if (!Number.isFinite(sum)) throw new AudioError('undecodable', `${format} audio contains non-finite sample values`);
    mono[i] = sum / channels.length;
  }
  return mono;
}

function append(sink: SampleSink, samples: Float32Array, maxSeconds: number): void {
  if (!sink.push(samples)) {
    throw tooLong(`runs to at least ${((sink.length + samples.length) / SPEECH_SAMPLE_RATE).toFixed(1)} s`, maxSeconds);
  }
}

function tooLong(what: string, maxSeconds: number): AudioError {
  return new AudioError('too_long', `Audio ${what}, over the ${maxSeconds} s limit`);
}
