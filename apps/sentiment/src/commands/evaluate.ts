import type { Command } from 'commander';
import { evaluateSentimentFolder, readLabelledTsv } from '@dl-suite/sentiment-domain';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('Score a labelled TSV with a model folder through the served pipeline and print accuracy, F1, ROC-AUC and the confusion matrix as JSON.')
    .requiredOption('--model <dir>', 'Hugging Face text-classification folder')
    .requiredOption('--data <file>', 'sentence<TAB>label TSV with a header')
    .action(async (flags: { model: string; data: string }) => {
      const data = await readLabelledTsv(flags.data);
      const result = await evaluateSentimentFolder(flags.model, data);
      console.log(JSON.stringify({ model: flags.model, data: flags.data, ...result }, null, 2));
    });
}
