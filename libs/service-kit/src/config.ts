import { z } from 'zod';

/** Start-up stops on a bad environment; the message names every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
  }
}

/** A string variable turned into a T by `parse`, which returns undefined for a bad value. */
function envVar<T>(parse: (text: string) => T | undefined, problem: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const value = parse(text);
      if (value !== undefined) return value;
      ctx.issues.push({ code: 'custom', message: problem, input: text });
      return z.NEVER;
    });
}

/** An integer variable within [min, max]. */
export const envInt = (min: number, max: number) =>
  envVar((text) => {
    const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
    return value >= min && value <= max ? value : undefined;
  }, `must be an integer ${min}-${max}`);

const BOOLEANS: Record<string, boolean> = { 1: true, true: true, yes: true, on: true, 0: false, false: false, no: false, off: false };

/** A flag: 1/true/yes/on or 0/false/no/off. */
export const envBool = () =>
  envVar((text) => BOOLEANS[text.toLowerCase()], 'must be a boolean (1/0, true/false, yes/no, on/off)');

const UNITS: Record<string, number> = { b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30 };

/** A byte size: `1048576`, `512kb`, `10mb`, `1gb` (binary multiples). */
export const envBytes = () =>
  envVar((text) => {
    const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text);
    return match ? Math.floor(Number(match[1]) * UNITS[match[2]?.toLowerCase() ?? 'b']!) : undefined;
  }, 'must be a byte size such as 1048576, 512kb or 10mb');

export const envEnum = <const T extends readonly string[]>(values: T) =>
  envVar((text) => values.find((value): value is T[number] => value === text), `must be one of ${values.join(', ')}`);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables every service understands; a service `.extend()`s this with its own (MODEL, …). */
export function baseServiceEnv(defaults: { port: number }) {
  return z.object({
    PORT: envInt(0, 65535).default(defaults.port),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    LOG_LEVEL: envEnum(LOG_LEVELS).default('info'),
    /** Default request body limit of JSON routes; binary routes set their own. */
    BODY_LIMIT: envBytes().default(2 ** 20),
    MAX_BATCH_SIZE: envInt(1, 4096).default(16),
    MAX_BATCH_DELAY_MS: envInt(0, 60_000).default(5),
    MAX_CONCURRENT_BATCHES: envInt(1, 64).default(1),
    MAX_QUEUE: envInt(1, 1_000_000).default(256),
    INFERENCE_TIMEOUT_MS: envInt(1, 3_600_000).default(30_000),
    SHUTDOWN_TIMEOUT_MS: envInt(0, 3_600_000).default(10_000),
  });
}

export type BaseServiceEnv = z.output<ReturnType<typeof baseServiceEnv>>;

/**
 * Validates the environment once at start-up. Empty variables count as unset, so `PORT=` in an
 * .env file falls back to the default instead of failing as "not an integer".
 */
export function defineConfig<S extends z.ZodObject>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): z.output<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.') || '(environment)';
      const value = present[name];
      if (value === undefined) return `${name} is required`;
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      const message = issue.message.startsWith('must ') ? ` ${issue.message}` : `: ${issue.message}`;
      return `${name}${message} (got ${JSON.stringify(shown)})`;
    }),
  );
}

/** The batcher settings of a service's validated environment (everything but `run`). */
export function batchingFromEnv(env: BaseServiceEnv): { maxBatchSize: number; maxDelayMs: number; maxQueue: number; timeoutMs: number; concurrency: number } {
  return {
    maxBatchSize: env.MAX_BATCH_SIZE,
    maxDelayMs: env.MAX_BATCH_DELAY_MS,
    maxQueue: env.MAX_QUEUE,
    timeoutMs: env.INFERENCE_TIMEOUT_MS,
    concurrency: env.MAX_CONCURRENT_BATCHES,
  };
}
