/** Levenshtein distance: substitutions + deletions + insertions turning `reference` into `hypothesis`. */
export function editDistance(reference: readonly number[], hypothesis: readonly number[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const current = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      const substitution = previous[j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[hypothesis.length]!;
}

export interface DigitScores {
  /** Edit distance over all utterances / reference digits (can exceed 1 with many insertions). */
  digitErrorRate: number;
  /** Share of utterances transcribed exactly. */
  stringAccuracy: number;
  utterances: number;
  digits: number;
}

export function scoreDigitStrings(pairs: readonly { reference: readonly number[]; hypothesis: readonly number[] }[]): DigitScores {
  let errors = 0;
  let digits = 0;
  let exact = 0;
  for (const { reference, hypothesis } of pairs) {
    const distance = editDistance(reference, hypothesis);
    errors += distance;
    digits += reference.length;
    if (distance === 0) exact++;
  }
  return { digitErrorRate: errors / Math.max(digits, 1), stringAccuracy: exact / Math.max(pairs.length, 1), utterances: pairs.length, digits };
}
