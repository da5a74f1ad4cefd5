import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues } from './errors';

const Item = z.object({ id: z.string(), amount: z.number() });
const Request = z.union([Item, z.object({ items: z.array(Item).min(1) })]);

function message(input: unknown): string {
  const result = Request.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return formatIssues(result.error.issues, 'body', input);
}

describe('formatIssues on unions', () => {
  it('explains a single item in terms of the single form', () => {
    expect(message({ id: 'a', amount: 'x' })).toBe('amount: expected number, received string');
  });

  it('explains a batch in terms of the batch form, with the item index', () => {
    expect(message({ items: [{ id: 'a', amount: 1 }, { id: 'b', amount: 'x' }] })).toBe(
      'items[1].amount: expected number, received string',
    );
  });

  it('names a missing field of the first form when neither form fits better', () => {
    expect(message({ id: 'a' })).toBe('amount: expected number, received undefined');
  });
});
