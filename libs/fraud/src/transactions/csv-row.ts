/**
 * Turns one CSV record into a transaction. This is the hot path of reading millions of rows,
 * so it checks with the predicates of rules.ts directly instead of running zod per row.
 */
import type { ColumnIndex, CsvField } from './column-map';
import {
  type Channel,
  RULES,
  isValidAmount,
  isValidCategory,
  isValidChannel,
  isValidCurrency,
  isValidId,
  isValidLat,
  isValidLon,
  normaliseTimestamp,
} from './rules';
import type { LabelledTransaction, Transaction } from './schema';

export class FieldError extends Error {
  override readonly name = 'FieldError';
  constructor(
    readonly field: CsvField,
    message: string,
  ) {
    super(message);
  }
}

type Row = readonly string[];
type TextField = 'cardId' | 'merchantId' | 'currency' | 'merchantCategory' | 'channel';

const shown = (raw: string): string => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
const invalid = (field: CsvField, rule: string, raw: string): FieldError =>
  new FieldError(field, `${field} ${rule} (got "${shown(raw)}")`);

// Number('') and Number(' ') are 0, which must not pass as an amount.
const toNumber = (raw: string): number => (raw.trim() === '' ? Number.NaN : Number(raw));

function cell(row: Row, at: number, field: CsvField): string {
  const raw = row[at];
  if (raw === undefined) throw new FieldError(field, `${field} is missing`);
  return raw;
}

// -1 is an absent column; row[-1] would work, but as a slow named-property lookup.
const optional = (row: Row, at: number): string | undefined => (at < 0 ? undefined : row[at]);

function label(raw: string): boolean {
  const word = raw.trim().toLowerCase();
  if (word === '1' || word === 'true') return true;
  if (word === '0' || word === 'false') return false;
  throw invalid('isFraud', RULES.isFraud, raw);
}

/**
 * Values that repeat across rows (cards, merchants, categories) are validated on first sight
 * and then shared: one string per distinct value instead of one per row, which cuts the
 * memory of a large file by a third.
 */
function textReader(field: TextField, rule: string, valid: (v: string) => boolean): (raw: string) => string {
  const seen = new Map<string, string>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known;
    if (!valid(raw)) throw invalid(field, rule, raw);
    seen.set(raw, raw);
    return raw;
  };
}

function numberReader(field: 'lat' | 'lon', valid: (v: number) => boolean): (raw: string) => number {
  return (raw) => {
    const value = toNumber(raw);
    if (!valid(value)) throw invalid(field, RULES[field], raw);
    return value;
  };
}

export interface RowReader {
  readonly labelled: boolean;
  readonly hasScenario: boolean;
  /** A LabelledTransaction when `labelled`. Throws FieldError. */
  transaction(row: Row): Transaction | LabelledTransaction;
  /** The fraud scenario id, for per-scenario evaluation only (never a feature). */
  scenario(row: Row): number;
}

export function createRowReader(columns: ColumnIndex): RowReader {
  const { transactionId: idAt = -1, timestamp: timeAt = -1, cardId: cardAt = -1, merchantId: merchantAt = -1 } = columns;
  const { amount: amountAt = -1, isFraud: labelAt, fraudScenario: scenarioAt = -1 } = columns;
  const { currency: currencyAt = -1, merchantCategory: categoryAt = -1, channel: channelAt = -1 } = columns;
  const { lat: latAt = -1, lon: lonAt = -1 } = columns;
  const cardId = textReader('cardId', RULES.id, isValidId);
  const merchantId = textReader('merchantId', RULES.id, isValidId);
  const currency = textReader('currency', RULES.currency, isValidCurrency);
  const category = textReader('merchantCategory', RULES.merchantCategory, isValidCategory);
  const channel = textReader('channel', RULES.channel, isValidChannel);
  const lat = numberReader('lat', isValidLat);
  const lon = numberReader('lon', isValidLon);

  function transaction(row: Row): Transaction | LabelledTransaction {
    const transactionId = cell(row, idAt, 'transactionId');
    if (!isValidId(transactionId)) throw invalid('transactionId', RULES.id, transactionId);
    const rawTime = cell(row, timeAt, 'timestamp');
    const timestamp = normaliseTimestamp(rawTime);
    if (timestamp === undefined) throw invalid('timestamp', RULES.timestamp, rawTime);
    const card = cardId(cell(row, cardAt, 'cardId'));
    const merchant = merchantId(cell(row, merchantAt, 'merchantId'));
    const rawAmount = cell(row, amountAt, 'amount');
    const amount = toNumber(rawAmount);
    if (!isValidAmount(amount)) throw invalid('amount', RULES.amount, rawAmount);
    const tx: Transaction | LabelledTransaction =
      labelAt === undefined
        ? { transactionId, timestamp, cardId: card, merchantId: merchant, amount }
        : { transactionId, timestamp, cardId: card, merchantId: merchant, amount, isFraud: label(cell(row, labelAt, 'isFraud')) };
    // A missing column or an empty cell leaves the field out. One named store per field, rather
    // than a loop over tx[field], keeps the property stores monomorphic.
    let raw: string | undefined;
    if ((raw = optional(row, currencyAt))) tx.currency = currency(raw);
    if ((raw = optional(row, categoryAt))) tx.merchantCategory = category(raw);
    if ((raw = optional(row, channelAt))) tx.channel = channel(raw) as Channel;
    if ((raw = optional(row, latAt))) tx.lat = lat(raw);
    if ((raw = optional(row, lonAt))) tx.lon = lon(raw);
    return tx;
  }

  function scenario(row: Row): number {
    const raw = cell(row, scenarioAt, 'fraudScenario');
    const value = toNumber(raw);
    if (!Number.isInteger(value) || value < 0 || value > 255) {
      throw invalid('fraudScenario', 'must be an integer between 0 and 255', raw);
    }
    return value;
  }

  return { labelled: labelAt !== undefined, hasScenario: columns.fraudScenario !== undefined, transaction, scenario };
}
