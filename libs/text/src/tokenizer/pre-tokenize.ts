// BERT pre-tokenization as @huggingface/tokenizers does it: runs of non-space, non-punctuation
// characters are words; every punctuation character (Unicode P* plus all ASCII symbols) is its own word.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const WORDS = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const SINGLE_PUNCTUATION = new RegExp(`^[${PUNCTUATION}]$`, 'u');

export function preTokenize(normalized: string): string[] {
  return normalized.trim().match(WORDS) ?? [];
}

export function isPunctuation(char: string): boolean {
  return SINGLE_PUNCTUATION.test(char);
}

/**
 * Splits raw text around literal occurrences of special tokens ("[SEP]" typed by a user becomes
 * the [SEP] token in transformers.js too): the longest token starting at each position wins.
 */
export function splitOnSpecialTokens(text: string, specials: readonly string[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    let match: string | undefined;
    for (const token of specials) {
      if ((match === undefined || token.length > match.length) && text.startsWith(token, i)) match = token;
    }
    if (match === undefined) {
      i++;
      continue;
    }
    if (i > start) pieces.push(text.slice(start, i));
    pieces.push(match);
    i += match.length;
    start = i;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}
