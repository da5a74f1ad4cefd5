/**
 * The validation rules of a transaction, in one place. The zod schema (API input) is built
 * from these limits and messages, and the CSV fast path checks with these predicates, so a row
 * a file accepts is a body the API accepts (csv-row.test.ts holds the two to that).
 */
import { toEpochMs } from './timestamp';

export const CHANNELS = ['card_present', 'online', 'atm'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LIMITS = {
  idMaxLength: 128,
  categoryMaxLength: 64,
  amountMax: 1e9,
  latMax: 90,
  lonMax: 180,
  /** Bounds catch epoch seconds passed as milliseconds (they land in 1970). */
  timestampMin: Date.UTC(1990, 0, 1),
  timestampMax: Date.UTC(2100, 0, 1),
} as const;

/** What each field must be; messages read "<field> <rule>". */
export const RULES = {
  id: `must be a non-empty string of at most ${LIMITS.idMaxLength} characters`,
  timestamp: 'must be an ISO 8601 date-time (UTC when no zone) or epoch milliseconds, between 1990 and 2100',
  amount: 'must be a finite non-negative number (at most 1e9)',
  currency: 'must be an ISO 4217 code of 3 upper-case letters',
  merchantCategory: `must be a non-empty string of at most ${LIMITS.categoryMaxLength} characters`,
  channel: `must be one of ${CHANNELS.join(', ')}`,
  lat: 'must be a latitude between -90 and 90',
  lon: 'must be a longitude between -180 and 180',
  isFraud: 'must be a boolean (0/1 or true/false in CSV)',
} as const;

export const isValidId = (v: string): boolean => v.length > 0 && v.length <= LIMITS.idMaxLength;
export const isValidCategory = (v: string): boolean => v.length > 0 && v.length <= LIMITS.categoryMaxLength;
export const isValidAmount = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= LIMITS.amountMax;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const isValidCurrency = (v: string): boolean => CURRENCY_PATTERN.test(v);
export const isValidChannel = (v: string): v is Channel => (CHANNELS as readonly string[]).includes(v);
export const isValidLat = (v: number): boolean => Number.isFinite(v) && v >= -LIMITS.latMax && v <= LIMITS.latMax;
export const isValidLon = (v: number): boolean => Number.isFinite(v) && v >= -LIMITS.lonMax && v <= LIMITS.lonMax;

/** Epoch ms for a valid timestamp (string or number), else undefined. */
export function normaliseTimestamp(v: string | number): number | undefined {
  const ms = toEpochMs(v);
  return ms !== undefined && ms >= LIMITS.timestampMin && ms < LIMITS.timestampMax ? ms : undefined;
}
