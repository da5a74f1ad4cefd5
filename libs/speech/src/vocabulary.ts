/** The spoken form of each digit, indexed by the digit. */
export const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

export const BLANK = '<pad>';
export const WORD_DELIMITER = '|';

/**
 * Output units: the CTC blank, the word delimiter, then one word-start piece per digit word
 * (`|four`, SentencePiece's `▁four` with wav2vec2's delimiter). Each unit is a whole word that
 * carries its own boundary, so the model never has to emit a separate delimiter between words
 * (measured: it often did not, and "fivesix" is one wrong word), while transformers.js' CTC
 * decoder still yields "five six" (it joins tokens and turns `|` into spaces) and `ctcWords`
 * splits words at word-start pieces. The bare delimiter stays in the vocabulary, unused, because
 * the tokenizer layout names it; a repeated digit takes a blank between its two units, as
 * any repeated CTC unit does.
 */
export const VOCABULARY: readonly string[] = [BLANK, WORD_DELIMITER, ...DIGIT_WORDS.map((word) => `${WORD_DELIMITER}${word}`)];

const FIRST_DIGIT_ID = 2;

/** CTC target ids for a digit string: `|four |two |seven`. */
export function digitLabels(digits: readonly number[]): number[] {
  return digits.map((digit) => FIRST_DIGIT_ID + digit);
}

/** The lower-case transcript of a digit string: "four two seven". */
export function digitTranscript(digits: readonly number[]): string {
  return digits.map((d) => DIGIT_WORDS[d]).join(' ');
}

/** Words of a transcript as digits; a word that is not a digit word becomes -1 (always an error). */
export function transcriptDigits(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => DIGIT_WORDS.indexOf(w as (typeof DIGIT_WORDS)[number]));
}
