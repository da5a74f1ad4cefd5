export interface WavSpec {
  sampleRate: number;
  encoding: 'pcm' | 'float';
  bitDepth: 8 | 16 | 24 | 32 | 64;
  /** Write a WAVE_FORMAT_EXTENSIBLE fmt chunk (40 bytes) instead of the plain 16-byte one. */
  extensible?: boolean;
  /** Chunks placed between fmt and data, e.g. an odd-sized LIST chunk. */
  extraChunks?: { id: string; body: Uint8Array }[];
}

/** Writes interleaved WAV bytes by hand, so each sample format is tested independently of any encoder. */
export function encodeWav(channels: Float32Array[], spec: WavSpec): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const bytesPerSample = spec.bitDepth / 8;
  const data = new DataView(new ArrayBuffer(frames * channels.length * bytesPerSample));
  for (let i = 0, offset = 0; i < frames; i++) {
    for (const channel of channels) {
      writeSample(data, offset, channel[i] ?? 0, spec);
      offset += bytesPerSample;
    }
  }
  const tag = spec.encoding === 'pcm' ? 1 : 3;
  const fmt = new DataView(new ArrayBuffer(spec.extensible ? 40 : 16));
  fmt.setUint16(0, spec.extensible ? 0xfffe : tag, true);
  fmt.setUint16(2, channels.length, true);
  fmt.setUint32(4, spec.sampleRate, true);
  fmt.setUint32(8, spec.sampleRate * channels.length * bytesPerSample, true);
  fmt.setUint16(12, channels.length * bytesPerSample, true);
  fmt.setUint16(14, spec.bitDepth, true);
  if (spec.extensible) {
    fmt.setUint16(16, 22, true); // cbSize
    fmt.setUint16(18, spec.bitDepth, true); // valid bits
    fmt.setUint32(20, (1 << channels.length) - 1, true); // channel mask
    // SubFormat GUID: the format tag, then the fixed KSDATAFORMAT suffix.
    new Uint8Array(fmt.buffer).set([tag, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 24);
  }
  return riff([
    { id: 'fmt ', body: new Uint8Array(fmt.buffer) },
    ...(spec.extraChunks ?? []),
    { id: 'data', body: new Uint8Array(data.buffer) },
  ]);
}

/** RIFF/WAVE bytes from chunks, padding odd-sized ones as the format requires. */
export function riff(chunks: { id: string; body: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const size = chunks.reduce((sum, c) => sum + 8 + c.body.length + (c.body.length % 2), 4);
  const out = new Uint8Array(8 + size);
  const view = new DataView(out.buffer);
  ascii(out, 0, 'RIFF');
  view.setUint32(4, size, true);
  ascii(out, 8, 'WAVE');
  let offset = 12;
  for (const chunk of chunks) {
    ascii(out, offset, chunk.id);
    view.setUint32(offset + 4, chunk.declaredSize ?? chunk.body.length, true);
    out.set(chunk.body, offset + 8);
    offset += 8 + chunk.body.length + (chunk.body.length % 2);
  }
  return out;
}

function writeSample(view: DataView, offset: number, value: number, spec: WavSpec): void {
  const v = Math.max(-1, Math.min(1, value));
  if (spec.encoding === 'float') {
    if (spec.bitDepth === 64) view.setFloat64(offset, v, true);
    else view.setFloat32(offset, v, true);
    return;
  }
  const full = 2 ** (spec.bitDepth - 1);
  const int = Math.max(-full, Math.min(full - 1, Math.round(v * full)));
  if (spec.bitDepth === 8) view.setUint8(offset, int + 128); // 8-bit WAV is unsigned
  else if (spec.bitDepth === 16) view.setInt16(offset, int, true);
  else if (spec.bitDepth === 32) view.setInt32(offset, int, true);
  else {
    view.setUint8(offset, int & 0xff);
    view.setUint8(offset + 1, (int >> 8) & 0xff);
    view.setUint8(offset + 2, (int >> 16) & 0xff);
  }
}

function ascii(out: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
}
