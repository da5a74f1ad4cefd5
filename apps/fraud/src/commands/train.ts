import { join } from 'node:path';
import type { Command } from 'commander';
import { sha256File } from '@dl-suite/ml-runtime';
import { backendOptionsFromEnv, createProgressReporter, selectBackend, type ProgressReporter } from '@dl-suite/ml-training';
import { writeBinaryClassificationReport } from '@dl-suite/ml-reports';
import { dayWindow, saveFraudModel, trainFraudModel } from '@dl-suite/fraud-domain';
import { loadLabelledTransactions } from './load-data';
import { fraction, integer, positive } from '@dl-suite/cli';

interface TrainFlags {
  data: string;
  columnMap?: string;
  trainFrom: string;
  trainUntil: string;
  validateFrom?: string;
  validateUntil?: string;
  validationDays: number;
  labelDelayDays: number;
  epochs: number;
  batchSize: number;
  patience: number;
  fraudWeight: number;
  ensemble: number;
  seed: number;
  reviewPrecision: number;
  declinePrecision: number;
  name: string;
  version: string;
  out: string;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Train a fraud model on a labelled window of your transactions CSV and write a model folder + report.')
    .requiredOption('--data <file>', 'transactions CSV with a fraud label column')
    .option('--column-map <map>', 'our field=CSV header pairs, e.g. "cardId=customer,merchantId=terminal,isFraud=fraud"')
    .requiredOption('--train-from <YYYY-MM-DD>', 'first training day (UTC, inclusive)')
    .requiredOption('--train-until <YYYY-MM-DD>', 'last training day (UTC, inclusive)')
    .option('--validate-from <YYYY-MM-DD>', 'first day of a later labelled window to tune on (default: the last --validation-days of the training window)')
    .option('--validate-until <YYYY-MM-DD>', 'last day of that window')
    .option('--validation-days <n>', 'days at the end of the training window held out for tuning, then refitted on', integer(1), 2)
    .option('--label-delay-days <n>', 'days before a fraud label is known', integer(0, 365), 7)
    .option('--epochs <n>', 'maximum epochs', integer(1, 1000), 40)
    .option('--batch-size <n>', 'batch size', integer(1), 256)
    .option('--patience <n>', 'early-stopping patience in epochs', integer(0), 6)
    .option('--fraud-weight <w>', 'loss weight of a fraud example relative to a legitimate one', positive, 3)
    .option('--ensemble <n>', 'independently seeded MLPs whose scores are averaged', integer(1, 20), 1)
    .option('--seed <n>', 'random seed', integer(1), 42)
    .option('--review-precision <p>', 'validation precision at which scores go to review', fraction, 0.3)
    .option('--decline-precision <p>', 'validation precision at which scores are declined', fraction, 0.9)
    .option('--name <name>', 'model name', 'fraud-mlp')
    .option('--version <version>', 'model version', '1.0.0')
    .requiredOption('--out <dir>', 'model folder to write (the report goes to <dir>/report)')
    .action(async (flags: TrainFlags) => {
      if ((flags.validateFrom === undefined) !== (flags.validateUntil === undefined)) {
        throw new Error('--validate-from and --validate-until go together');
      }
      const trainWindow = dayWindow(flags.trainFrom, flags.trainUntil, ['--train-from', '--train-until']);
      const validationWindow =
        flags.validateFrom && flags.validateUntil
          ? dayWindow(flags.validateFrom, flags.validateUntil, ['--validate-from', '--validate-until'])
          : undefined;
      if (validationWindow && validationWindow.start < trainWindow.end) throw new Error('--validate-from must come after --train-until');

      const backend = await selectBackend(backendOptionsFromEnv(process.env));
      const transactions = await loadLabelledTransactions(flags.data, flags.columnMap);
      let progress: { model: string; reporter: ProgressReporter } | undefined;
      const started = performance.now();
      const trained = await trainFraudModel({
        transactions,
        trainWindow,
        validationWindow,
        validationDays: flags.validationDays,
        labelDelayDays: flags.labelDelayDays,
        seed: flags.seed,
        epochs: flags.epochs,
        batchSize: flags.batchSize,
        patience: flags.patience,
        fraudWeight: flags.fraudWeight,
        ensembleSize: flags.ensemble,
        reviewPrecision: flags.reviewPrecision,
        declinePrecision: flags.declinePrecision,
        onPhase: (name) => process.stderr.write(`== ${name}\n`),
        onEpochEnd: (model, report) => {
          // Models train one after another: a new name ends the previous model's progress bar.
          if (progress?.model !== model) {
            progress?.reporter.stop();
            progress = { model, reporter: createProgressReporter({ totalEpochs: report.epochs, label: model }) };
          }
          progress.reporter.onEpochEnd(report);
        },
      });
      progress?.reporter.stop();
      const trainingSeconds = (performance.now() - started) / 1000;

      const dataDescription = `${flags.data} (${transactions.length} transactions)`;
      const manifest = await saveFraudModel(flags.out, trained, {
        name: flags.name,
        version: flags.version,
        dataDescription,
        trainWindow,
        labelDelayDays: flags.labelDelayDays,
        dataFingerprint: await sha256File(flags.data),
        dataRows: transactions.length,
        seed: flags.seed,
        reviewPrecision: flags.reviewPrecision,
        declinePrecision: flags.declinePrecision,
      });
      const history = Object.fromEntries(
        ['loss', 'val_loss', 'val_average_precision'].map((key) => [key, trained.history.map((e) => e.metrics[key] ?? NaN)]),
      );
      await writeBinaryClassificationReport(join(flags.out, 'report'), {
        title: `${flags.name} ${flags.version}: validation report`,
        description: `Validation window ${manifest.data['validationWindow']}; trained on ${dataDescription}. Backend: ${backend.name}.`,
        labels: trained.validation.labels,
        scores: trained.validation.scores,
        threshold: trained.thresholds.review,
        labelNames: ['legitimate', 'fraud'],
        extraMetrics: {
          baseline_logistic_regression_average_precision: trained.metrics.baseline.averagePrecision,
          baseline_logistic_regression_roc_auc: trained.metrics.baseline.rocAuc,
          decline_threshold: trained.thresholds.decline,
          training_seconds: trainingSeconds,
        },
        trainingHistory: history,
      });
      trained.model.dispose();
      console.log(
        JSON.stringify(
          {
            out: flags.out,
            backend: backend.name,
            trainingSeconds: Math.round(trainingSeconds),
            validation: manifest.metrics,
            decision: trained.thresholds,
          },
          null,
          2,
        ),
      );
    });
}
