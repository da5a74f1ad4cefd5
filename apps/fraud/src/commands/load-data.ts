import { parseColumnMap, readTransactionsCsv, type LabelledTransaction, type TransactionsCsv } from '@dl-suite/fraud-domain';

export async function loadTransactions(path: string, columnMap: string | undefined): Promise<TransactionsCsv> {
  const started = performance.now();
  process.stderr.write(`loading ${path}…\n`);
  const csv = await readTransactionsCsv(path, columnMap ? { columnMap: parseColumnMap(columnMap) } : {});
  process.stderr.write(`loaded ${csv.rows} transactions in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return csv;
}

export async function loadLabelledTransactions(path: string, columnMap: string | undefined): Promise<LabelledTransaction[]> {
  const csv = await loadTransactions(path, columnMap);
  if (!csv.labelled) {
    throw new Error(`${path} has no fraud label column (is_fraud, label, fraud or TX_FRAUD); map one with --column-map isFraud=<header>`);
  }
  return csv.transactions;
}
