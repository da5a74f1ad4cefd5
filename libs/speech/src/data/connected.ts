import type { Rng } from '@dl-suite/ml-training';
import type { DigitRecording, Utterance } from './recording';

const SAMPLE_RATE = 16000;

export interface ConnectedDigitOptions {
  /** Digits per utterance, drawn uniformly from [min, max] (default 1–7). */
  digits?: [number, number];
  /** Gap between words in seconds; negative values overlap the words a little (default −0.03–0.35). */
  pauseSeconds?: [number, number];
  /** Silence before the first and after the last word (default 0.05–0.4). */
  edgeSeconds?: [number, number];
}

/** Recordings indexed by speaker and digit, so an utterance can draw all its words from one voice. */
export type SpeakerPool = ReadonlyMap<string, readonly (readonly DigitRecording[])[]>;

export function speakerPool(recordings: readonly DigitRecording[]): SpeakerPool {
  const pool = new Map<string, DigitRecording[][]>();
  for (const recording of recordings) {
    const byDigit = pool.get(recording.speaker) ?? Array.from({ length: 10 }, () => []);
    byDigit[recording.digit]!.push(recording);
    pool.set(recording.speaker, byDigit);
  }
  const incomplete = [...pool].find(([, byDigit]) => byDigit.some((takes) => takes.length === 0));
  if (incomplete) throw new Error(`speakerPool: speaker ${incomplete[0]} lacks a recording of some digit`);
  return pool;
}

/**
 * One connected-digit utterance: random digits said by one random speaker of the pool, each a
 * random take, joined with random pauses (short overlaps are cross-faded, a crude stand-in
 * for coarticulation). Deterministic for a given rng state.
 */
export function connectedDigitUtterance(pool: SpeakerPool, rng: Rng, options: ConnectedDigitOptions = {}): Utterance {
  const { digits: [minDigits, maxDigits] = [1, 7], pauseSeconds = [-0.03, 0.35], edgeSeconds = [0.05, 0.4] } = options;
  const speakers = [...pool.keys()];
  const speaker = speakers[rng.int(speakers.length)]!;
  const byDigit = pool.get(speaker)!;
  const count = minDigits + rng.int(maxDigits - minDigits + 1);
  const digits = Array.from({ length: count }, () => rng.int(10));
  const words = digits.map((d) => byDigit[d]![rng.int(byDigit[d]!.length)]!.samples);
  const uniform = ([lo, hi]: [number, number]) => Math.round((lo + rng.next() * (hi - lo)) * SAMPLE_RATE);
  const gaps = words.map((_, i) => (i === 0 ? uniform(edgeSeconds) : uniform(pauseSeconds)));
  return { samples: joinWords(words, gaps, uniform(edgeSeconds)), digits, speaker };
}

/** Places each word `gaps[i]` samples after the previous one ends (overlaps add, with linear fades). */
function joinWords(words: readonly Float32Array[], gaps: readonly number[], tail: number): Float32Array {
  const starts: number[] = [];
  let end = 0;
  words.forEach((word, i) => {
    const start = Math.max(0, end + gaps[i]!);
    starts.push(start);
    end = start + word.length;
  });
  const out = new Float32Array(end + tail);
  words.forEach((word, i) => {
    const overlap = Math.max(0, -gaps[i]!);
    const start = starts[i]!;
    for (let n = 0; n < word.length; n++) {
      const fade = n < overlap ? n / overlap : 1;
      out[start + n]! += word[n]! * fade;
    }
  });
  return out;
}
