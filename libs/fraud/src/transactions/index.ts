export { CHANNELS, LIMITS, RULES, type Channel } from './rules';
export {
  LabelledTransactionInputSchema,
  LabelledTransactionSchema,
  TransactionInputSchema,
  TransactionSchema,
  parseLabelledTransaction,
  parseTransaction,
  type LabelledTransaction,
  type Transaction,
  type TransactionInput,
} from './schema';
export { formatTimestamp, toEpochMs } from './timestamp';
export { CSV_FIELDS, ColumnMapError, parseColumnMap, type ColumnMap, type CsvField } from './column-map';
export { TransactionCsvError, readTransactionsCsv, type ReadTransactionsOptions, type TransactionsCsv } from './csv-read';
export { writeTransactionsCsv, type TransactionRecord } from './csv-write';
