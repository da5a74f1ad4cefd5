import { z } from 'zod';
import { CURRENCY_PATTERN, normaliseTimestamp } from '../transactions/rules';

const toggle = (enabled = true) => z.boolean().default(enabled);
const rate = (perDay: number) => z.number().min(0).max(1000).default(perDay);

/**
 * Per-day event counts are given at the Handbook's scale (10 000 terminals, 5 000 customers)
 * and scaled in proportion, so a smaller world keeps the same fraud rate.
 */
const ScenariosSchema = z.object({
  /** 1: every transaction above `threshold` is fraud. */
  amountOutlier: z.object({ enabled: toggle(), threshold: z.number().positive().default(220) }).prefault({}),
  /** 2: `perDay` terminals per 10 000 are compromised each day; all their transactions for `days` are fraud. */
  compromisedTerminals: z
    .object({ enabled: toggle(), perDay: rate(2), days: z.number().int().min(1).default(28) })
    .prefault({}),
  /** 3: `perDay` cards per 5 000 leak each day; for `days`, a `share` of their spending is fraud × `amountFactor`. */
  compromisedCards: z
    .object({
      enabled: toggle(),
      perDay: rate(3),
      days: z.number().int().min(1).default(14),
      share: z.number().min(0).max(1).default(1 / 3),
      amountFactor: z.number().positive().default(5),
    })
    .prefault({}),
  /** 4: `perDay` cards per 5 000 get a burst of tiny online probes, then one large purchase. */
  cardTesting: z.object({ enabled: toggle(), perDay: rate(1.5) }).prefault({}),
  /** 5: `perDay` cards per 5 000 are taken over: a few days of large purchases far from home. */
  accountTakeover: z
    .object({ enabled: toggle(), perDay: rate(0.5), minDistance: z.number().min(0).default(30) })
    .prefault({}),
});

export const SimulationOptionsSchema = z.object({
  customers: z.number().int().min(1).max(10_000_000).default(5000),
  merchants: z.number().int().min(1).max(10_000_000).default(10_000),
  days: z.number().int().min(1).max(3660).default(183),
  /** First simulated day, YYYY-MM-DD (UTC). */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'startDate must look like YYYY-MM-DD' })
    .refine((v) => normaliseTimestamp(v) !== undefined, { error: 'startDate must be a real date between 1990 and 2100' })
    .default('2018-04-01'),
  seed: z.number().int().min(0).max(0xffffffff).default(0),
  /** Customers shop at the terminals within this distance of home, on the 100 × 100 grid. */
  radius: z.number().positive().max(150).default(5),
  /** Half of the customers make this fraction fewer transactions on Saturdays and Sundays (0 = no weekly rhythm). */
  weekendDip: z.number().min(0).max(1).default(0.3),
  currency: z.string().regex(CURRENCY_PATTERN).default('EUR'),
  scenarios: ScenariosSchema.prefault({}),
});

/** What callers pass: every field optional. */
export type SimulationOptions = z.input<typeof SimulationOptionsSchema>;
export type ResolvedSimulationOptions = z.output<typeof SimulationOptionsSchema>;

/** Validates and fills in defaults; throws a ZodError naming the bad option. */
export const resolveSimulationOptions = (options: SimulationOptions = {}): ResolvedSimulationOptions =>
  SimulationOptionsSchema.parse(options);

/**
 * The Fraud Detection Handbook's simulator settings (Le Borgne et al., chapter "Transaction data
 * simulator"): 5 000 customers, 10 000 terminals, 183 days from 2018-04-01, radius 5, its three
 * fraud scenarios and no weekly rhythm. About 1.75 M transactions.
 */
export const handbookPreset = {
  customers: 5000,
  merchants: 10_000,
  days: 183,
  startDate: '2018-04-01',
  radius: 5,
  seed: 0,
  weekendDip: 0,
  scenarios: { cardTesting: { enabled: false }, accountTakeover: { enabled: false } },
} as const satisfies SimulationOptions;
