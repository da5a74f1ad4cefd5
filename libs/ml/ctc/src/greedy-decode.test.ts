import { describe, expect, it } from 'vitest';
import { greedyCtcDecode } from './greedy-decode';
import { ctcWords } from './words';

const VOCAB = ['<pad>', '|', 'e', 'n', 'o', 't', 'h', 'r', 'w', '<unk>'];

/** Frames whose argmax spells `path` (one symbol per frame), with the chosen symbol at probability ≈ `p`. */
function scores(path: string[], p = 0.9): { data: Float32Array; frames: number; vocab: number } {
  const vocab = VOCAB.length;
  const data = new Float32Array(path.length * vocab);
  // logit gap g gives softmax p = e^g / (e^g + vocab - 1).
  const gap = Math.log((p * (vocab - 1)) / (1 - p));
  path.forEach((symbol, t) => {
    if (!VOCAB.includes(symbol)) throw new Error(`test vocabulary lacks ${symbol}`);
    data[t * vocab + VOCAB.indexOf(symbol)] = gap;
  });
  return { data, frames: path.length, vocab };
}

describe('greedyCtcDecode', () => {
  it('merges repeats, drops blanks, keeps a blank-separated double letter, and records frame spans', () => {
    const path = ['<pad>', 't', 'h', 'h', 'r', 'e', '<pad>', 'e', 'e', '|', '<pad>', 'o', 'n', 'e', '<pad>'];
    const tokens = greedyCtcDecode(scores(path));
    expect(tokens.map((t) => VOCAB[t.id]).join('')).toBe('three|one');
    expect(tokens[1]).toMatchObject({ startFrame: 2, endFrame: 4 }); // 'h' over two frames
    expect(tokens[4]).toMatchObject({ startFrame: 7, endFrame: 9 }); // the second 'e'
    for (const t of tokens) expect(t.confidence).toBeCloseTo(0.9, 5);
  });

  it('averages the probability over a run, and works on log-probabilities too', () => {
    const { data, vocab } = scores(['o', 'o']);
    data[vocab + VOCAB.indexOf('o')] = Math.log(vocab - 1); // second frame: e^g / (e^g + vocab - 1) = 0.5
    const tokens = greedyCtcDecode({ data, frames: 2, vocab });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.confidence).toBeCloseTo((0.9 + 0.5) / 2, 5);

    const logSoftmax = Float32Array.from(data, (v, i) => {
      const row = data.subarray(Math.floor(i / vocab) * vocab, Math.floor(i / vocab) * vocab + vocab);
      return v - Math.log(row.reduce((s, x) => s + Math.exp(x), 0));
    });
    expect(greedyCtcDecode({ data: logSoftmax, frames: 2, vocab })[0]!.confidence).toBeCloseTo(0.7, 5);
  });

  it('returns nothing for all-blank input and rejects mis-shaped scores', () => {
    expect(greedyCtcDecode(scores(['<pad>', '<pad>']))).toEqual([]);
    expect(() => greedyCtcDecode({ data: new Float32Array(10), frames: 2, vocab: 4 })).toThrow(/10 scores/);
  });
});

describe('ctcWords', () => {
  it('splits at the delimiter, times words from their frame spans and skips ignored tokens', () => {
    const path = ['<pad>', 't', 'w', 'o', '<pad>', '|', '|', '<unk>', 'n', 'o', '<pad>', '<pad>'];
    const words = ctcWords(greedyCtcDecode(scores(path, 0.8)), {
      vocabulary: VOCAB,
      ignoreTokens: ['<unk>'],
      secondsPerFrame: 0.02,
      offsetSeconds: 10,
    });
    expect(words.map((w) => w.word)).toEqual(['two', 'no']);
    expect(words[0]!.start).toBeCloseTo(10.02, 9);
    expect(words[0]!.end).toBeCloseTo(10.08, 9);
    expect(words[1]!.start).toBeCloseTo(10.16, 9);
    expect(words[1]!.end).toBeCloseTo(10.2, 9);
    expect(words[0]!.confidence).toBeCloseTo(0.8, 5);
  });

  it('starts a word at each word-start piece (|four), with or without delimiter tokens between', () => {
    const vocabulary = ['<pad>', '|', '|four', '|two', 'teen'];
    const path = ['<pad>', '|four', '|four', '<pad>', '|four', '|two', '|', '|four', 'teen', '<pad>'];
    const data = new Float32Array(path.length * vocabulary.length);
    path.forEach((symbol, t) => (data[t * vocabulary.length + vocabulary.indexOf(symbol)] = 10));
    const words = ctcWords(greedyCtcDecode({ data, frames: path.length, vocab: vocabulary.length }), { vocabulary, secondsPerFrame: 0.02 });
    expect(words.map((w) => w.word)).toEqual(['four', 'four', 'two', 'fourteen']);
    expect(words[3]!.start).toBeCloseTo(0.14, 9);
    expect(words[3]!.end).toBeCloseTo(0.18, 9);
  });

  it('ends a word at a pause the segmenter found, even with no delimiter across it', () => {
    const path = ['t', 'w', 'o', '<pad>', '<pad>', '<pad>', 'n', 'o', '<pad>'];
    const decode = (pauses: number[]) => ctcWords(greedyCtcDecode(scores(path)), { vocabulary: VOCAB, secondsPerFrame: 0.1, offsetSeconds: 5, pauses }).map((w) => w.word);
    expect(decode([])).toEqual(['twono']);
    expect(decode([5.45])).toEqual(['two', 'no']);
    expect(decode([5.15, 7])).toEqual(['twono']); // pauses inside a word's span or after it do not split it
  });

  it('names a token id the vocabulary lacks', () => {
    expect(() =>
      ctcWords([{ id: 42, startFrame: 0, endFrame: 1, confidence: 1 }], { vocabulary: VOCAB, secondsPerFrame: 0.02 }),
    ).toThrow(/token id 42/);
  });
});
