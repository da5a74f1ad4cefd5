import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';
import { markdownTable } from './markdown';

describe('markdownTable', () => {
  it('renders a header, a rule and escaped rows', () => {
    expect(markdownTable(['Metric', 'Value'], [['a|b', 'two\nlines']])).toBe(
      ['| Metric | Value |', '| --- | --- |', '| a\\|b | two lines |'].join('\n'),
    );
  });
});

describe('formatNumber', () => {
  it('prints integers as-is, fractions to fixed digits and undefined values as n/a', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(2 / 3)).toBe('0.6667');
    expect(formatNumber(2 / 3, 2)).toBe('0.67');
    expect(formatNumber(NaN)).toBe('n/a');
    expect(formatNumber(Infinity)).toBe('n/a');
  });
});
