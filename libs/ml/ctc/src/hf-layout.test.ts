import { describe, expect, it } from 'vitest';
import { wav2vec2CtcFiles } from './hf-layout';

const VOCABULARY = ['<pad>', '|', 'a', 'b'];

describe('wav2vec2CtcFiles', () => {
  it('writes the four files transformers.js reads for a wav2vec2 CTC model', () => {
    const files = wav2vec2CtcFiles({ vocabulary: VOCABULARY, hop: 320, window: 400, doNormalize: true });
    expect(Object.keys(files).sort()).toEqual(['config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json']);
    const json = (name: string) => JSON.parse(files[name]!);
    expect(json('config.json')).toMatchObject({ model_type: 'wav2vec2', vocab_size: 4, pad_token_id: 0, conv_stride: [320], conv_kernel: [400] });
    expect(json('preprocessor_config.json')).toMatchObject({
      feature_extractor_type: 'Wav2Vec2FeatureExtractor',
      sampling_rate: 16000,
      do_normalize: true,
      return_attention_mask: false,
    });
    expect(json('tokenizer_config.json')).toMatchObject({ tokenizer_class: 'Wav2Vec2CTCTokenizer', pad_token: '<pad>', word_delimiter_token: '|' });
    const tokenizer = json('tokenizer.json');
    expect(tokenizer.decoder).toEqual({ type: 'CTC', pad_token: '<pad>', word_delimiter_token: '|', cleanup: true });
    expect(tokenizer.model.vocab).toEqual({ '<pad>': 0, '|': 1, a: 2, b: 3 });
    expect(tokenizer.added_tokens).toEqual([]); // see hf-layout.ts: a special blank would break double letters
  });

  it('rejects vocabularies the tokenizer could not represent', () => {
    expect(() => wav2vec2CtcFiles({ vocabulary: [], hop: 320 })).toThrow(/vocabulary is empty/);
    expect(() => wav2vec2CtcFiles({ vocabulary: ['<pad>', 'a', 'a', '|'], hop: 320 })).toThrow(/repeats a token/);
    expect(() => wav2vec2CtcFiles({ vocabulary: ['<pad>', 'a'], hop: 320 })).toThrow(/word delimiter '\|' is not in the vocabulary/);
  });
});
