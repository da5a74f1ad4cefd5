import { z } from 'zod';
import { learnMerges, type WordCount } from './merge-learner';
import { normalize, replacementSchema } from './normalize';
import { isPunctuation, preTokenize } from './pre-tokenize';
import { CONTINUATION_PREFIX, MAX_INPUT_CHARS_PER_WORD, SPECIAL_TOKEN_LIST } from './special-tokens';
import { WordPieceTokenizer } from './wordpiece-tokenizer';

export const wordPieceTrainingSchema = z.object({
  /** Target size including special tokens and the alphabet (reached unless pairs run out first). */
  vocabSize: z.int().min(SPECIAL_TOKEN_LIST.length + 1).max(100_000).default(8000),
  /** A merge (and an alphabet character) needs this many occurrences in the training words. */
  minFrequency: z.int().positive().default(2),
  lowercase: z.boolean().default(true),
  replacements: z.array(replacementSchema).default([]),
  modelMaxLength: z.int().min(2).default(128),
});
export type WordPieceTrainingOptions = z.input<typeof wordPieceTrainingSchema>;

// Printable ASCII is always in the alphabet, so any ASCII word or symbol in user text can be spelled
// out instead of becoming [UNK], whatever the corpus lacked (upper case only for cased tokenizers).
const PRINTABLE_ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));
const asciiAlphabet = (lowercase: boolean) => PRINTABLE_ASCII.filter((c) => !lowercase || c < 'A' || c > 'Z');

/**
 * Trains a WordPiece vocabulary on raw texts: normalize and pre-tokenize exactly as encoding will,
 * count words, take every character seen `minFrequency` times (plus printable ASCII) as the alphabet —
 * each as a word start and as a '##' continuation — then add merged symbols by frequency until
 * `vocabSize`. Characters outside the alphabet make their whole word [UNK] at encode time.
 */
export function trainWordPiece(texts: Iterable<string>, options: WordPieceTrainingOptions = {}): WordPieceTokenizer {
  const settings = wordPieceTrainingSchema.parse(options);
  const wordCounts = new Map<string, number>();
  for (const text of texts) {
    for (const word of preTokenize(normalize(text, settings))) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }

  const alphabet = chooseAlphabet(wordCounts, settings.minFrequency, asciiAlphabet(settings.lowercase));
  const initial = [...alphabet].flatMap((c) => (isPunctuation(c) ? [c] : [c, CONTINUATION_PREFIX + c]));
  // Sorted words make merge tie-breaking independent of the corpus order.
  const words: WordCount[] = [...wordCounts]
    .filter(([word]) => [...word].length <= MAX_INPUT_CHARS_PER_WORD && [...word].every((c) => alphabet.has(c)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, count]) => ({
      symbols: [...word].map((c, i) => (i === 0 ? c : CONTINUATION_PREFIX + c)),
      count,
    }));

  const budget = Math.max(0, settings.vocabSize - SPECIAL_TOKEN_LIST.length - initial.length);
  const merges = learnMerges(words, budget, settings.minFrequency);
  const vocab = [...SPECIAL_TOKEN_LIST, ...initial, ...merges];
  return new WordPieceTokenizer(vocab, {
    lowercase: settings.lowercase,
    replacements: settings.replacements,
    modelMaxLength: settings.modelMaxLength,
  });
}

function chooseAlphabet(wordCounts: ReadonlyMap<string, number>, minFrequency: number, always: string[]): Set<string> {
  const charCounts = new Map<string, number>();
  for (const [word, count] of wordCounts) {
    for (const c of word) charCounts.set(c, (charCounts.get(c) ?? 0) + count);
  }
  const frequent = [...charCounts].filter(([, n]) => n >= minFrequency).map(([c]) => c);
  return new Set([...new Set([...always, ...frequent])].sort());
}
