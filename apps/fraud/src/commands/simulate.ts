import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { handbookPreset, simulateToCsv, type SimulationOptions } from '@dl-suite/fraud-domain';
import { integer } from '@dl-suite/cli';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Write a seeded, simulated card-transaction history with labelled fraud scenarios to CSV.')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--customers <n>', 'number of customers (cards)', integer(1), 5000)
    .option('--merchants <n>', 'number of merchants (terminals)', integer(1), 10_000)
    .option('--days <n>', 'number of days', integer(1, 3660), 183)
    .option('--start-date <YYYY-MM-DD>', 'first day (UTC)', '2018-04-01')
    .option('--seed <n>', 'random seed', integer(0, 0xffffffff), 42)
    .option(
      '--preset <name>',
      '"handbook": the Fraud Detection Handbook simulator (its 3 scenarios, no weekly rhythm); "suite": all 5 scenarios',
      'suite',
    )
    .action(async (opts: { out: string; customers: number; merchants: number; days: number; startDate: string; seed: number; preset: string }) => {
      if (opts.preset !== 'handbook' && opts.preset !== 'suite') throw new Error(`--preset must be "handbook" or "suite" (got "${opts.preset}")`);
      const options: SimulationOptions = {
        ...(opts.preset === 'handbook' ? handbookPreset : {}),
        customers: opts.customers,
        merchants: opts.merchants,
        days: opts.days,
        startDate: opts.startDate,
        seed: opts.seed,
      };
      await mkdir(dirname(opts.out), { recursive: true });
      const started = performance.now();
      const summary = await simulateToCsv(opts.out, options, ({ daysDone, days, transactions }) => {
        if (daysDone % 10 === 0 || daysDone === days) process.stderr.write(`simulate: day ${daysDone}/${days}, ${transactions} transactions\n`);
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(JSON.stringify({ out: opts.out, seconds: Math.round(seconds * 10) / 10, ...summary }, null, 2));
    });
}
