import { describe, expect, it } from 'vitest';
import { formatTimestamp, toEpochMs } from './timestamp';

const utc = (iso: string): number => Date.parse(iso);

describe('toEpochMs', () => {
  it('reads a date-time without zone as UTC (the Handbook layout)', () => {
    expect(toEpochMs('2018-04-01 00:00:31')).toBe(utc('2018-04-01T00:00:31Z'));
    expect(toEpochMs('2018-04-01T00:00:31')).toBe(utc('2018-04-01T00:00:31Z'));
  });

  it('reads zones, fractions, date-only and epoch milliseconds', () => {
    expect(toEpochMs('2018-04-01T00:00:31.123Z')).toBe(utc('2018-04-01T00:00:31.123Z'));
    expect(toEpochMs('2018-04-01T00:00:31.5Z')).toBe(utc('2018-04-01T00:00:31.500Z'));
    expect(toEpochMs('2018-04-01T02:00:31+02:00')).toBe(utc('2018-04-01T00:00:31Z'));
    expect(toEpochMs('2018-03-31T19:00:31-0500')).toBe(utc('2018-04-01T00:00:31Z'));
    expect(toEpochMs('2018-04-01')).toBe(utc('2018-04-01T00:00:00Z'));
    expect(toEpochMs('1522540831000')).toBe(1522540831000);
    expect(toEpochMs(1522540831000)).toBe(1522540831000);
  });

  const invalid = ['2018-02-29 00:00:00', '2018-04-01 24:00:00', '2018-13-01', '2018-04-01 00:61', '20x8-04-01 00:00:31'];
  it.each([...invalid, 'yesterday', '', '2018-04-01T00:00:31.12Zx'])(
    'rejects %j',
    (value) => expect(toEpochMs(value)).toBeUndefined(),
  );

  it('rejects non-finite numbers', () => {
    expect(toEpochMs(Number.NaN)).toBeUndefined();
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('formatTimestamp', () => {
  it('matches Date#toISOString across days, years and fractional milliseconds', () => {
    const samples = [0, 86_399_999, 86_400_000, 951_782_400_000, 1522540831000, 1522540831000.7, 4102444799999];
    for (let i = 0; i < 1000; i++) samples.push(631_152_000_000 + i * 7_919_993_171);
    for (const ms of samples) expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString());
  });
});
