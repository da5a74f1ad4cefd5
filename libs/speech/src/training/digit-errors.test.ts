import { describe, expect, it } from 'vitest';
import { digitLabels, digitTranscript, transcriptDigits, VOCABULARY } from '../vocabulary';
import { editDistance, scoreDigitStrings } from './digit-errors';

describe('digit error rate', () => {
  it('counts substitutions, deletions and insertions', () => {
    expect(editDistance([4, 2, 7], [4, 2, 7])).toBe(0);
    expect(editDistance([4, 2, 7], [4, 3, 7])).toBe(1);
    expect(editDistance([4, 2, 7], [4, 7])).toBe(1);
    expect(editDistance([4, 2, 7], [4, 2, 2, 7])).toBe(1);
    expect(editDistance([], [1, 2])).toBe(2);
    expect(editDistance([1, 2, 3], [3, 2, 1])).toBe(2);
  });

  it('pools errors over utterances and counts exact strings', () => {
    const scores = scoreDigitStrings([
      { reference: [1, 2, 3, 4], hypothesis: [1, 2, 3, 4] },
      { reference: [5, 5, 5, 5], hypothesis: [5, 5, 5] },
      { reference: [9, 8], hypothesis: [9, -1] },
    ]);
    expect(scores).toEqual({ digitErrorRate: 2 / 10, stringAccuracy: 1 / 3, utterances: 3, digits: 10 });
  });
});

describe('vocabulary', () => {
  it('spells digit strings as word-start units, and reads transcripts back', () => {
    const ids = digitLabels([4, 4, 0]);
    expect(ids.map((id) => VOCABULARY[id])).toEqual(['|four', '|four', '|zero']);
    expect(digitTranscript([4, 4, 0])).toBe('four four zero');
    expect(transcriptDigits(' four  four zero ')).toEqual([4, 4, 0]);
    // A word that is not a digit word is an error, not skipped.
    expect(transcriptDigits('fourtwo seven')).toEqual([-1, 7]);
  });
});
