import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { dayWindow, FraudScorer, scoreWindow } from '@dl-suite/fraud-domain';
import { loadTransactions } from './load-data';

interface ScoreFlags {
  model: string;
  data: string;
  columnMap?: string;
  from: string;
  to: string;
  out: string;
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'Score every transaction in a date window, with features from all earlier transactions in the file and only labels older than the model\'s label delay.',
    )
    .requiredOption('--model <dir>', 'model folder written by `fraud train`')
    .requiredOption('--data <file>', 'transactions CSV (history before the window included)')
    .option('--column-map <map>', 'our field=CSV header pairs')
    .requiredOption('--from <YYYY-MM-DD>', 'first day to score (UTC, inclusive)')
    .requiredOption('--to <YYYY-MM-DD>', 'last day to score (UTC, inclusive)')
    .requiredOption('--out <file>', 'CSV to write: transaction_id,score')
    .action(async (flags: ScoreFlags) => {
      const window = dayWindow(flags.from, flags.to, ['--from', '--to']);
      const scorer = await FraudScorer.load(flags.model);
      const csv = await loadTransactions(flags.data, flags.columnMap);
      const started = performance.now();
      const { source, scores } = await scoreWindow(scorer, csv.transactions, window);
      await scorer.dispose();

      await mkdir(dirname(flags.out), { recursive: true });
      const output = createWriteStream(flags.out);
      const writer = stringify({ header: true, columns: ['transaction_id', 'score'] });
      writer.pipe(output);
      source.forEach((index, row) => writer.write([csv.transactions[index]!.transactionId, scores[row]!.toFixed(6)]));
      writer.end();
      await finished(output);
      process.stderr.write(`scored ${source.length} transactions in ${((performance.now() - started) / 1000).toFixed(1)} s → ${flags.out}\n`);
    });
}
