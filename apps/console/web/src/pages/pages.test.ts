import { describe, expect, it } from 'vitest';
import { segmentText } from './sentiment';
import { wordAt } from './speech';

describe('segmentText', () => {
  it('keeps every character, marking tokens by their character offsets', () => {
    const text = 'Not bad, really!';
    const segments = segmentText(text, [
      { start: 9, end: 15, contribution: 0.1 },
      { start: 0, end: 3, contribution: -0.4 },
      { start: 4, end: 7, contribution: 0.3 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'Not', contribution: -0.4 },
      { text: ' ' },
      { text: 'bad', contribution: 0.3 },
      { text: ', ' },
      { text: 'really', contribution: 0.1 },
      { text: '!' },
    ]);
  });

  it('skips tokens that overlap an earlier one or run past the text', () => {
    const segments = segmentText('abc', [
      { start: 0, end: 2, contribution: 1 },
      { start: 1, end: 3, contribution: 2 },
      { start: 2, end: 9, contribution: 3 },
    ]);
    expect(segments).toEqual([{ text: 'ab', contribution: 1 }, { text: 'c' }]);
  });
});

describe('wordAt', () => {
  const words = [
    { start: 0.2, end: 0.5 },
    { start: 0.6, end: 1.1 },
  ];
  it('finds the word being spoken, and none between words', () => {
    expect([0, 0.2, 0.49, 0.55, 0.6, 1.1].map((t) => wordAt(words, t))).toEqual([-1, 0, 0, -1, 1, -1]);
  });
});
