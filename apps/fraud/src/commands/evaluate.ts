import type { Command } from 'commander';
import { dayWindow, evaluateWithLabelDelay, handbookTestSet, parseUtcDay, FraudScorer, scenarioBreakdown, scoreWindow } from '@dl-suite/fraud-domain';
import { loadTransactions } from './load-data';
import { integer } from '@dl-suite/cli';

interface EvaluateFlags {
  model: string;
  data: string;
  columnMap?: string;
  from: string;
  to: string;
  k: number;
  knownSince?: string;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description(
      'Score a labelled test window and print average precision, ROC-AUC and card precision@k per day as JSON (cards with a fraud label already known are excluded, as in the Fraud Detection Handbook).',
    )
    .requiredOption('--model <dir>', 'model folder')
    .requiredOption('--data <file>', 'labelled transactions CSV')
    .option('--column-map <map>', 'our field=CSV header pairs')
    .requiredOption('--from <YYYY-MM-DD>', 'first test day (UTC, inclusive)')
    .requiredOption('--to <YYYY-MM-DD>', 'last test day (UTC, inclusive)')
    .option('--k <n>', 'cards per day for card precision@k', integer(1), 100)
    .option('--known-since <YYYY-MM-DD>', "fraud labels from this day on mark a card as known compromised (default: the model's first training day)")
    .action(async (flags: EvaluateFlags) => {
      const window = dayWindow(flags.from, flags.to, ['--from', '--to']);
      const csv = await loadTransactions(flags.data, flags.columnMap);
      if (!csv.labelled) throw new Error(`${flags.data} has no fraud labels to evaluate against`);
      const scorer = await FraudScorer.load(flags.model);
      const scored = await scoreWindow(scorer, csv.transactions, window);
      await scorer.dispose();
      const trainWindow = scorer.manifest.data['trainWindow'] as [string, string] | undefined;
      const knownSince = flags.knownSince ?? trainWindow?.[0];
      if (!knownSince) throw new Error('the model does not record its training window; pass --known-since');
      const inTestSet = handbookTestSet(csv.transactions, { labelDelayDays: scorer.labelDelayDays, knownSince: parseUtcDay(knownSince, '--known-since') });
      const result = evaluateWithLabelDelay(csv.transactions, scored, { inTestSet, k: flags.k });
      // A simulator's scenario column: recall per scenario at the review threshold, and the frauds the label delay hides.
      const scenarios =
        csv.fraudScenarios &&
        scenarioBreakdown(csv.transactions, csv.fraudScenarios, scored, {
          inTestSet,
          threshold: scorer.decision.review,
          labelDelayDays: scorer.labelDelayDays,
        });
      console.log(JSON.stringify({ model: flags.model, window: [flags.from, flags.to], ...result, ...scenarios }, null, 2));
    });
}
