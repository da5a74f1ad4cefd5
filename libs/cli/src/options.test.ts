import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { finite, fraction, integer, nonNegative, oneOf, positive } from './options';
import { runCli } from './run';

describe('option parsers', () => {
  it('accept valid values and refuse others with the expected range', () => {
    expect(integer(1, 10)('7')).toBe(7);
    expect(() => integer(1, 10)('11')).toThrow('expected an integer from 1 to 10');
    expect(() => integer(1)('2.5')).toThrow('expected an integer');
    expect(fraction('0.25')).toBe(0.25);
    expect(() => fraction('1')).toThrow('between 0 and 1');
    expect(finite('-1.25')).toBe(-1.25);
    expect(() => finite('')).toThrow('expected a number');
    expect(() => finite('1e999')).toThrow('expected a number');
    expect(positive('3.5')).toBe(3.5);
    expect(() => positive('-1')).toThrow('positive');
    expect(() => positive('Infinity')).toThrow('positive');
    expect(nonNegative('0')).toBe(0);
    expect(() => nonNegative('-0.1')).toThrow('≥ 0');
    expect(() => nonNegative('NaN')).toThrow('≥ 0');
    expect(oneOf(['val', 'test'] as const)('test')).toBe('test');
    expect(() => oneOf(['val', 'test'] as const)('train')).toThrow('expected one of val, test');
  });
});

describe('runCli', () => {
  it('turns a failing command into one line on stderr and exit code 1', async () => {
    const program = new Command('demo').exitOverride();
    program.command('boom').action(() => {
      throw new Error('data.csv:3: amount must be a number');
    });
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => lines.push(line);
    try {
      await runCli(program, ['node', 'demo', 'boom']);
    } finally {
      console.error = original;
    }
    expect(lines).toEqual(['demo: data.csv:3: amount must be a number']);
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
