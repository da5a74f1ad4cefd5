import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { resolveColumns, type ColumnMap } from './column-map';
import { createRowReader, FieldError, type RowReader } from './csv-row';
import type { LabelledTransaction, Transaction } from './schema';

export interface ReadTransactionsOptions {
  /** Our field → the CSV header holding it, for headers the defaults do not recognise. */
  columnMap?: ColumnMap;
}

interface CsvContents {
  rows: number;
  /**
   * Fraud scenario per transaction (same order) when the file has a scenario column. Kept off
   * the transactions so that a simulator's ground truth can never leak into features.
   */
  fraudScenarios?: Uint8Array;
}
export type TransactionsCsv =
  | (CsvContents & { labelled: true; transactions: LabelledTransaction[] })
  | (CsvContents & { labelled: false; transactions: Transaction[] });

/** A problem with the file: names the file and, for rows, the line (1 = header) and field. */
export class TransactionCsvError extends Error {
  override readonly name = 'TransactionCsvError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file} line ${line}: ${reason}`);
  }
}

/**
 * Reads a transactions CSV (streaming), validating every row; the result is sorted by
 * timestamp, ties kept in file order.
 */
export async function readTransactionsCsv(path: string, options: ReadTransactionsOptions = {}): Promise<TransactionsCsv> {
  const transactions: Transaction[] = [];
  const scenarios: number[] = [];
  let reader: RowReader | undefined;
  let records = 0;
  let failed = false;
  const parser = parse({ bom: true, relax_column_count: true });
  parser.on('data', (record: string[]) => {
    if (failed) return; // rest of the chunk that was being parsed when a row failed
    records++;
    if (record.length === 1 && record[0] === '') return; // blank line
    try {
      if (reader === undefined) {
        reader = createRowReader(resolveColumns(record, options.columnMap ?? {}, path));
        return;
      }
      transactions.push(reader.transaction(record));
      if (reader.hasScenario) scenarios.push(reader.scenario(record));
    } catch (err) {
      failed = true;
      // Records reach us as they are parsed, so the parser's line count is this record's
      // (its last line); the per-record info option would cost as much as parsing itself.
      const line = parser.info.records === records ? parser.info.lines : undefined;
      const located = err instanceof FieldError ? new TransactionCsvError(path, line, err.field, err.message) : err;
      parser.destroy(located as Error);
    }
  });
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), parser);
  } catch (err) {
    if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      const at = 'lines' in err && typeof err.lines === 'number' ? err.lines : undefined;
      throw new TransactionCsvError(path, at, undefined, err.message);
    }
    throw err;
  }
  if (reader === undefined) throw new TransactionCsvError(path, undefined, undefined, 'empty file (no header)');

  const order = timeOrder(transactions);
  const sorted = order ? Array.from(order, (i) => transactions[i] as Transaction) : transactions;
  const fraudScenarios = reader.hasScenario
    ? order
      ? Uint8Array.from(order, (i) => scenarios[i] ?? 0)
      : Uint8Array.from(scenarios)
    : undefined;
  const contents = { rows: sorted.length, ...(fraudScenarios && { fraudScenarios }) };
  return reader.labelled
    ? { ...contents, labelled: true, transactions: sorted as LabelledTransaction[] }
    : { ...contents, labelled: false, transactions: sorted };
}

/** Stable permutation into timestamp order, or undefined when already in order (the usual case). */
function timeOrder(txs: readonly Transaction[]): Uint32Array | undefined {
  const times = new Float64Array(txs.length);
  let sorted = true;
  for (let i = 0; i < txs.length; i++) {
    times[i] = (txs[i] as Transaction).timestamp;
    if (i > 0 && (times[i - 1] as number) > (times[i] as number)) sorted = false;
  }
  if (sorted) return undefined;
  const order = new Uint32Array(txs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
}
