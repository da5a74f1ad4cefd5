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

describe('formatIssues with messages that name their field', () => {
  it('does not repeat the field name', () => {
    const schema = z.object({ items: z.array(z.object({ amount: z.number({ error: 'amount must be a number' }) })) });
    const input = { items: [{ amount: 'x' }] };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(formatIssues(result.error!.issues, 'body', input)).toBe('items[0].amount must be a number');
  });
});
