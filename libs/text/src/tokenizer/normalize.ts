import { z } from 'zod';

/**
 * Text normalization, mirroring @huggingface/tokenizers' (transformers.js 4.3) BertNormalizer and
 * Replace normalizer step for step — including its quirks (CJK spacing looks at UTF-16 code units,
 * so astral ideographs are not spaced out) — because our encode must equal transformers.js's.
 */

export const replacementSchema = z.object({
  from: z.string().min(1),
  // `$` would mean a substitution pattern to String.replaceAll, which the two sides might read differently.
  to: z.string().refine((s) => !s.includes('$'), 'must not contain $'),
});
/** A literal rewrite applied after lower-casing, e.g. { from: "n't", to: " n't" } to split contractions as SST-2 does. */
export type Replacement = z.infer<typeof replacementSchema>;

export interface NormalizerSettings {
  /** Lower-case and strip accents (BERT "uncased"). */
  readonly lowercase: boolean;
  readonly replacements: readonly Replacement[];
}

const CONTROL = /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u;
const WHITESPACE = /^\s$/;
const NONSPACING_MARKS = /\p{Mn}/gu;

export function normalize(text: string, settings: NormalizerSettings): string {
  let out = spaceOutCjk(cleanText(text));
  if (settings.lowercase) out = out.toLowerCase().normalize('NFD').replace(NONSPACING_MARKS, '');
  for (const { from, to } of settings.replacements) out = out.replaceAll(from, to);
  return out;
}

/** Drops NUL, U+FFFD and control/format/private-use/lone-surrogate characters; every whitespace becomes a space. */
function cleanText(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (unit === 0 || unit === 0xfffd || (char !== '\t' && char !== '\n' && char !== '\r' && CONTROL.test(char))) continue;
    out += WHITESPACE.test(char) ? ' ' : char;
  }
  return out;
}

function spaceOutCjk(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    out += isCjkUnit(char.charCodeAt(0)) ? ` ${char} ` : char;
  }
  return out;
}

// The BMP ranges of BERT's "Chinese character" test; the astral ranges can never match a code unit.
function isCjkUnit(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0xf900 && u <= 0xfaff);
}
