export interface Word {
  token: string;
  start: number;
  end: number;
}

export interface WordContribution extends Word {
  contribution: number;
}

// Runs of letters/digits (with inner apostrophes: "don't") or single punctuation marks, any script.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

/** Words with their character offsets, in order. */
export function splitWords(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ token: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * Occlusion at word level: delete one word at a time and measure how much the probability of
 * `labelIndex` falls. It needs only the model's probabilities, so it explains any swapped-in hub
 * model the same way, and words (not word pieces) are what a reader can act on. Only the first
 * `maxWords` words are explained: the model truncates long texts anyway.
 */
export async function wordContributions(
  probabilities: (texts: string[]) => Promise<Float32Array[]>,
  text: string,
  labelIndex: number,
  baseline: number,
  maxWords: number,
): Promise<WordContribution[]> {
  const words = splitWords(text).slice(0, maxWords);
  if (words.length === 0) return [];
  const variants = words.map((w) => `${text.slice(0, w.start)}${text.slice(w.end)}`);
  const rows = await probabilities(variants);
  return words.map((w, i) => ({ ...w, contribution: baseline - ((rows[i]?.[labelIndex] as number | undefined) ?? baseline) }));
}
