import { CONTINUATION_PREFIX, MAX_INPUT_CHARS_PER_WORD } from './special-tokens';

/**
 * Greedy longest-match-first WordPiece over code points: "unaffable" → un ##aff ##able. A word
 * with any part not in the vocabulary, or longer than 100 code points, is one unknown token.
 */
export function wordPieces(word: string, vocab: ReadonlyMap<string, number>, unknown: string): string[] {
  const chars = [...word];
  if (chars.length > MAX_INPUT_CHARS_PER_WORD) return [unknown];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    let piece: string | undefined;
    while (start < end) {
      const candidate = (start > 0 ? CONTINUATION_PREFIX : '') + chars.slice(start, end).join('');
      if (vocab.has(candidate)) {
        piece = candidate;
        break;
      }
      end--;
    }
    if (piece === undefined) return [unknown];
    pieces.push(piece);
    start = end;
  }
  return pieces;
}
