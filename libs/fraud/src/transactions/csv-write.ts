import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction } from './schema';
import { formatTimestamp } from './timestamp';

/** What the writer accepts: a transaction, labelled or not, maybe with its simulated scenario. */
export type TransactionRecord = Transaction & { isFraud?: boolean; fraudScenario?: number };

const BASE_HEADER = 'transaction_id,timestamp,customer_id,terminal_id,amount,currency,merchant_category,channel,lat,lon';
const CHUNK_CHARS = 1 << 16;
const NEEDS_QUOTES = /[",\r\n]/;

const text = (v: string | undefined): string =>
  v === undefined ? '' : NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
const num = (v: number | undefined): string => (v === undefined ? '' : String(v));

function baseRow(tx: Transaction): string {
  const ids = `${text(tx.transactionId)},${formatTimestamp(tx.timestamp)},${text(tx.cardId)},${text(tx.merchantId)}`;
  const merchant = `${text(tx.currency)},${text(tx.merchantCategory)},${tx.channel ?? ''}`;
  return `${ids},${tx.amount},${merchant},${num(tx.lat)},${num(tx.lon)}`;
}

/**
 * CSV text in chunks. The label columns are written when the first transaction has them, and
 * then every transaction must: a half-labelled file would not read back.
 */
function* csvChunks(txs: Iterable<TransactionRecord>, onRow: () => void): Generator<string> {
  const iterator = txs[Symbol.iterator]();
  let next = iterator.next();
  const first: TransactionRecord | undefined = next.done ? undefined : next.value;
  const labelled = first?.isFraud !== undefined;
  const withScenario = first?.fraudScenario !== undefined;
  let chunk = `${BASE_HEADER}${labelled ? ',is_fraud' : ''}${withScenario ? ',fraud_scenario' : ''}\n`;
  for (; !next.done; next = iterator.next()) {
    const tx = next.value;
    if (labelled !== (tx.isFraud !== undefined) || withScenario !== (tx.fraudScenario !== undefined)) {
      const which = 'every transaction must carry isFraud/fraudScenario if the first one does';
      throw new Error(`transaction ${tx.transactionId}: ${which}`);
    }
    chunk += baseRow(tx);
    if (labelled) chunk += tx.isFraud ? ',1' : ',0';
    if (withScenario) chunk += `,${tx.fraudScenario}`;
    chunk += '\n';
    onRow();
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/**
 * Streams transactions to a CSV file (snake_case header, ISO 8601 UTC timestamps). A generator
 * is consumed as the file is written, so simulations need not fit in memory. Resolves to the
 * number of rows written.
 */
export async function writeTransactionsCsv(path: string, txs: Iterable<TransactionRecord>): Promise<number> {
  let rows = 0;
  await pipeline(Readable.from(csvChunks(txs, () => rows++)), createWriteStream(path));
  return rows;
}
