import type { Command } from 'commander';
import { dayWindow, evaluateWithLabelDelay, parseUtcDay, FRAUD_SCENARIOS, FraudScorer, scoreWindow } from '@dl-suite/fraud-domain';
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
      const result = evaluateWithLabelDelay(csv.transactions, scored, {
        labelDelayDays: scorer.labelDelayDays,
        k: flags.k,
        knownSince: parseUtcDay(knownSince, '--known-since'),
      });
      console.log(JSON.stringify({ model: flags.model, window: [flags.from, flags.to], ...result, recallByScenario: recallByScenario() }, null, 2));

      /** With a simulator's scenario column: the share of each scenario's fraud scored at review or above. */
      function recallByScenario(): Record<string, number> | undefined {
        const scenarios = csv.fraudScenarios;
        if (!scenarios) return undefined;
        const hits = new Map<number, [number, number]>();
        scored.source.forEach((index, row) => {
          const scenario = scenarios[index]!;
          if (scenario === 0) return;
          const [caught, total] = hits.get(scenario) ?? [0, 0];
          hits.set(scenario, [caught + (scored.scores[row]! >= scorer.decision.review ? 1 : 0), total + 1]);
        });
        return Object.fromEntries([...hits].sort().map(([s, [caught, total]]) => [FRAUD_SCENARIOS[s]!, Math.round((caught / total) * 1000) / 1000]));
      }
    });
}
