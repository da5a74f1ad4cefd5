/** BERT's special tokens; trained vocabularies put them first, in this order, so [PAD] is id 0. */
export const SPECIAL_TOKENS = {
  pad: '[PAD]',
  unk: '[UNK]',
  cls: '[CLS]',
  sep: '[SEP]',
  mask: '[MASK]',
} as const;

export const SPECIAL_TOKEN_LIST: readonly string[] = Object.values(SPECIAL_TOKENS);

export const CONTINUATION_PREFIX = '##';

/** Longer words become one [UNK], as in BERT and transformers.js. */
export const MAX_INPUT_CHARS_PER_WORD = 100;
