import { z } from 'zod';
import { CHANNELS, CURRENCY_PATTERN, LIMITS, RULES, normaliseTimestamp } from './rules';

// Native zod checks rather than refinements, so the JSON Schema of the API keeps the limits.
const id = (field: string) => {
  const error = `${field} ${RULES.id}`;
  return z.string({ error }).min(1, { error }).max(LIMITS.idMaxLength, { error });
};
const range = (field: 'amount' | 'lat' | 'lon', min: number, max: number) => {
  const error = `${field} ${RULES[field]}`;
  return z.number({ error }).min(min, { error }).max(max, { error });
};
const timestampError = `timestamp ${RULES.timestamp}`;
const categoryError = `merchantCategory ${RULES.merchantCategory}`;

/**
 * A transaction as a client sends it (JSON): the timestamp is an ISO 8601 string or epoch ms.
 * Describe the API with this one; `TransactionSchema` also normalises.
 */
export const TransactionInputSchema = z.object({
  transactionId: id('transactionId'),
  timestamp: z
    .union([z.string(), z.number()], { error: timestampError })
    .refine((v) => normaliseTimestamp(v) !== undefined, { error: timestampError })
    .meta({ description: 'ISO 8601 date-time (UTC when no zone) or epoch milliseconds', example: '2018-04-01T00:00:31Z' }),
  cardId: id('cardId'),
  merchantId: id('merchantId'),
  amount: range('amount', 0, LIMITS.amountMax),
  currency: z
    .string({ error: `currency ${RULES.currency}` })
    .regex(CURRENCY_PATTERN, { error: `currency ${RULES.currency}` })
    .optional(),
  merchantCategory: z
    .string({ error: categoryError })
    .min(1, { error: categoryError })
    .max(LIMITS.categoryMaxLength, { error: categoryError })
    .optional(),
  channel: z.enum(CHANNELS, { error: `channel ${RULES.channel}` }).optional(),
  lat: range('lat', -LIMITS.latMax, LIMITS.latMax).optional(),
  lon: range('lon', -LIMITS.lonMax, LIMITS.lonMax).optional(),
});

export const LabelledTransactionInputSchema = TransactionInputSchema.extend({
  isFraud: z.boolean({ error: `isFraud ${RULES.isFraud}` }),
});

// The refinement has already accepted the value; the fallback only satisfies the type checker.
const toMs = (v: string | number): number => normaliseTimestamp(v) ?? Number.NaN;

/** Validates and normalises: `timestamp` becomes epoch milliseconds (UTC). */
export const TransactionSchema = TransactionInputSchema.transform((t) => ({ ...t, timestamp: toMs(t.timestamp) }));
export const LabelledTransactionSchema = LabelledTransactionInputSchema.transform((t) => ({
  ...t,
  timestamp: toMs(t.timestamp),
}));

export type TransactionInput = z.input<typeof TransactionInputSchema>;
export type Transaction = z.output<typeof TransactionSchema>;
export type LabelledTransaction = z.output<typeof LabelledTransactionSchema>;

/** Throws a ZodError whose issues name the offending fields. */
export const parseTransaction = (input: unknown): Transaction => TransactionSchema.parse(input);
export const parseLabelledTransaction = (input: unknown): LabelledTransaction => LabelledTransactionSchema.parse(input);
