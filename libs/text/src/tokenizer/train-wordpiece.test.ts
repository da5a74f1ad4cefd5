import { describe, expect, it } from 'vitest';

import { fromHfTokenizerFiles, toHfTokenizerFiles } from './hf-tokenizer-files';
import { SPECIAL_TOKEN_LIST } from './special-tokens';
import { trainWordPiece } from './train-wordpiece';

const corpus = Array.from({ length: 20 }, () => [
  'a gorgeous , witty , seductive movie .',
  "it 's a charming and often affecting journey .",
  "the movie does n't work , and it 's not funny .",
  'one long string of cliches .',
  'the acting , costumes , music , cinematography and sound are all astounding .',
]).flat();

describe('trainWordPiece', () => {
  it('puts special tokens first, learns whole frequent words and stops at vocabSize', () => {
    const tokenizer = trainWordPiece(corpus, { vocabSize: 300, minFrequency: 2 });
    expect(tokenizer.vocab.slice(0, 5)).toEqual(SPECIAL_TOKEN_LIST);
    expect(tokenizer.vocabSize).toBeLessThanOrEqual(300);
    expect(tokenizer.tokenize('a charming movie')).toEqual(['a', 'charming', 'movie']);
  });

  it('is deterministic whatever the corpus order', () => {
    const a = trainWordPiece(corpus, { vocabSize: 250 });
    const b = trainWordPiece([...corpus].reverse(), { vocabSize: 250 });
    expect(b.vocab).toEqual(a.vocab);
  });

  it('spells out unseen ASCII words instead of [UNK]; unseen scripts are [UNK]', () => {
    const tokenizer = trainWordPiece(corpus, { vocabSize: 300 });
    expect(tokenizer.tokenize('zyx <q>')).not.toContain('[UNK]');
    expect(tokenizer.tokenize('фильм')).toEqual(['[UNK]']);
  });

  it('needs minFrequency occurrences for a merge', () => {
    const once = trainWordPiece(['quickly'], { vocabSize: 1000, minFrequency: 2 });
    expect(once.tokenize('quickly')).toHaveLength('quickly'.length);
    const twice = trainWordPiece(['quickly', 'quickly'], { vocabSize: 1000, minFrequency: 2 });
    expect(twice.tokenize('quickly')).toEqual(['quickly']);
  });

  it('round-trips through tokenizer.json / tokenizer_config.json', () => {
    const tokenizer = trainWordPiece(corpus, { vocabSize: 300, modelMaxLength: 64, replacements: [{ from: "n't", to: " n't" }] });
    const files = toHfTokenizerFiles(tokenizer);
    const back = fromHfTokenizerFiles(JSON.parse(files['tokenizer.json']!), JSON.parse(files['tokenizer_config.json']!));
    expect(back.vocab).toEqual(tokenizer.vocab);
    expect(back.settings).toEqual(tokenizer.settings);
  });

  it('refuses tokenizer.json it could not reproduce', () => {
    const files = toHfTokenizerFiles(trainWordPiece(corpus, { vocabSize: 200 }));
    const json = JSON.parse(files['tokenizer.json']!);
    const config = JSON.parse(files['tokenizer_config.json']!);
    expect(() => fromHfTokenizerFiles({ ...json, pre_tokenizer: { type: 'Whitespace' } }, config)).toThrow(/pre_tokenizer\.type/);
    expect(() => fromHfTokenizerFiles(json, {})).toThrow(/tokenizer_config\.json .*model_max_length/);
    expect(() => trainWordPiece(corpus, { replacements: [{ from: 'a', to: '$&' }] })).toThrow(/must not contain \$/);
  });
});
