/**
 * Which CSV column holds which field. Headers are recognised case-insensitively in three
 * styles: our camelCase names, snake_case, and the Fraud Detection Handbook simulator's
 * upper-case names; a column map overrides the guess for the fields it names.
 */
export const CSV_FIELDS = [
  'transactionId',
  'timestamp',
  'cardId',
  'merchantId',
  'amount',
  'currency',
  'merchantCategory',
  'channel',
  'lat',
  'lon',
  'isFraud',
  'fraudScenario',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type ColumnMap = Partial<Record<CsvField, string>>;
/** Column index of each field found in a header. */
export type ColumnIndex = Partial<Record<CsvField, number>>;

export const REQUIRED_FIELDS: readonly CsvField[] = ['transactionId', 'timestamp', 'cardId', 'merchantId', 'amount'];

// Lower-case aliases. Handbook columns TX_TIME_SECONDS and TX_TIME_DAYS are derived from the
// timestamp and match nothing, so they are ignored like any unknown column.
const ALIASES: Record<CsvField, readonly string[]> = {
  transactionId: ['transactionid', 'transaction_id', 'tx_id'],
  timestamp: ['timestamp', 'tx_datetime', 'datetime'],
  cardId: ['cardid', 'card_id', 'customerid', 'customer_id'],
  merchantId: ['merchantid', 'merchant_id', 'terminalid', 'terminal_id'],
  amount: ['amount', 'tx_amount'],
  currency: ['currency'],
  merchantCategory: ['merchantcategory', 'merchant_category', 'mcc'],
  channel: ['channel'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'longitude'],
  isFraud: ['isfraud', 'is_fraud', 'label', 'fraud', 'tx_fraud'],
  fraudScenario: ['fraudscenario', 'fraud_scenario', 'tx_fraud_scenario'],
};

export class ColumnMapError extends Error {
  override readonly name = 'ColumnMapError';
}

const isCsvField = (v: string): v is CsvField => (CSV_FIELDS as readonly string[]).includes(v);

/** Parses the CLI syntax `cardId=customer,merchantId=terminal`. */
export function parseColumnMap(spec: string): ColumnMap {
  const map: ColumnMap = {};
  for (const pair of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim();
    const header = pair.slice(eq + 1).trim();
    if (eq < 0 || header === '') throw new ColumnMapError(`column map entry "${pair}" must look like field=header`);
    if (!isCsvField(field)) {
      throw new ColumnMapError(`column map: unknown field "${field}" (known: ${CSV_FIELDS.join(', ')})`);
    }
    if (map[field] !== undefined) throw new ColumnMapError(`column map: field "${field}" is mapped twice`);
    map[field] = header;
  }
  return map;
}

/** Finds each field's column; `describe` prefixes messages (the file name). */
export function resolveColumns(header: readonly string[], columnMap: ColumnMap, describe: string): ColumnIndex {
  const lower = header.map((h) => h.trim().toLowerCase());
  const index: ColumnIndex = {};
  for (const [field, mapped] of Object.entries(columnMap) as [CsvField, string][]) {
    const at = lower.indexOf(mapped.trim().toLowerCase());
    if (at < 0) {
      throw new ColumnMapError(`${describe}: column "${mapped}" for ${field} not found (header: ${header.join(',')})`);
    }
    index[field] = at;
  }
  // A column the map assigned is no longer a candidate for the fields it did not name.
  const claimed = new Set(Object.values(index));
  for (const field of CSV_FIELDS) {
    if (index[field] !== undefined) continue;
    const matches = lower.flatMap((h, i) => (ALIASES[field].includes(h) && !claimed.has(i) ? [i] : []));
    if (matches.length > 1) {
      const names = matches.map((i) => `"${header[i]}"`).join(' and ');
      throw new ColumnMapError(
        `${describe}: columns ${names} could all be ${field}; choose one with a column map (${field}=<header>)`,
      );
    }
    if (matches[0] !== undefined) index[field] = matches[0];
  }
  for (const field of REQUIRED_FIELDS) {
    if (index[field] === undefined) {
      throw new ColumnMapError(
        `${describe}: no column for ${field} (looked for ${ALIASES[field].join(', ')}); map one with ${field}=<header>`,
      );
    }
  }
  return index;
}
