import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { preTokenize, splitOnSpecialTokens } from './pre-tokenize';
import { SPECIAL_TOKEN_LIST } from './special-tokens';
import { wordPieces } from './wordpiece';
import { WordPieceTokenizer } from './wordpiece-tokenizer';

const VOCAB = [...SPECIAL_TOKEN_LIST, 'un', '##aff', '##able', 'the', 'film', '!', ',', 'n', "'", 't', 'did', 'ca', '##fe'];
const tokenizer = new WordPieceTokenizer(VOCAB, { lowercase: true, replacements: [{ from: "n't", to: " n't" }], modelMaxLength: 6 });
const uncased = { lowercase: true, replacements: [] };

describe('normalize (BertNormalizer)', () => {
  it('lower-cases, strips accents, spaces out CJK and drops control characters', () => {
    expect(normalize('Café NAÏVE', uncased)).toBe('cafe naive');
    expect(normalize('映画a', uncased)).toBe(' 映  画 a');
    expect(normalize('a\u0000b\u200bc\td\u00a0e', uncased)).toBe('abc d e');
    expect(normalize('Café', { lowercase: false, replacements: [] })).toBe('Café');
  });

  it('applies replacements after lower-casing', () => {
    expect(normalize("DIDN'T", { lowercase: true, replacements: [{ from: "n't", to: " n't" }] })).toBe("did n't");
  });
});

describe('pre-tokenization and word pieces', () => {
  it('splits on whitespace and isolates every punctuation character', () => {
    expect(preTokenize("  it's <b>great</b>!! ")).toEqual(['it', "'", 's', '<', 'b', '>', 'great', '<', '/', 'b', '>', '!', '!']);
  });

  it('finds special tokens verbatim in raw text, longest first', () => {
    expect(splitOnSpecialTokens('a[SEP]b [cls][CLS]', SPECIAL_TOKEN_LIST)).toEqual(['a', '[SEP]', 'b [cls]', '[CLS]']);
  });

  it('matches greedily, longest piece first; unknown parts make the whole word [UNK]', () => {
    const vocab = new Map(VOCAB.map((t, i) => [t, i]));
    expect(wordPieces('unaffable', vocab, '[UNK]')).toEqual(['un', '##aff', '##able']);
    expect(wordPieces('unaffablex', vocab, '[UNK]')).toEqual(['[UNK]']);
    expect(wordPieces('un'.repeat(51), vocab, '[UNK]')).toEqual(['[UNK]']);
  });
});

describe('WordPieceTokenizer', () => {
  it('wraps pieces in [CLS] … [SEP]', () => {
    expect(tokenizer.tokenize("Didn't, unaffable!")).toEqual(['did', 'n', "'", 't', ',', 'un', '##aff', '##able', '!']);
    expect(tokenizer.encode('the film')).toEqual({ ids: [2, 8, 9, 3], fullLength: 4, truncated: false });
  });

  it('truncates like transformers.js: a plain cut at modelMaxLength that drops [SEP]', () => {
    const encoding = tokenizer.encode('the film the film the film');
    expect(encoding).toEqual({ ids: [2, 8, 9, 8, 9, 8], fullLength: 8, truncated: true });
    expect(tokenizer.encode('the film the film', 3).ids).toEqual([2, 8, 9]);
  });

  it('pads a batch to its longest row with [PAD] and a zero mask', () => {
    const batch = tokenizer.encodeBatch(['the', 'the film film film film'], {});
    expect(batch.sequenceLength).toBe(6);
    expect([...batch.inputIds]).toEqual([2, 8, 3, 0, 0, 0, 2, 8, 9, 9, 9, 9]);
    expect([...batch.attentionMask]).toEqual([1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(batch.truncated).toEqual([false, true]);
    expect(tokenizer.encodeBatch(['the'], { padding: 'max_length', maxLength: 4 }).sequenceLength).toBe(4);
  });

  it('refuses vocabularies without the special tokens', () => {
    expect(() => new WordPieceTokenizer(['a', 'b'], { ...uncased, modelMaxLength: 8 })).toThrow(/lacks the special token \[PAD\]/);
  });
});
