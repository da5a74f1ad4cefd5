import type { Command } from 'commander';
import { oneOf } from '@dl-suite/cli';
import { evaluateImageClassifier, loadEvaluationData } from '@dl-suite/imaging';
import { loadImageClassifier } from '@dl-suite/ml-runtime';

interface EvaluateFlags {
  model: string;
  data: string;
  split: 'train' | 'val' | 'test';
  allowRemote: boolean;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('Score a labelled split with a model folder (through the same pipeline the service uses) and print metrics as JSON.')
    .requiredOption('--model <dir>', 'model folder in Hugging Face image-classification layout (or a hub id with --allow-remote)')
    .requiredOption('--data <path>', 'MedMNIST .npz file, or a folder with one sub-folder of images per class')
    .option('--split <name>', 'split of a .npz file: train, val or test', oneOf(['train', 'val', 'test'] as const), 'val')
    .option('--allow-remote', 'allow a Hugging Face hub id for --model (downloads it)', false)
    .action(async (flags: EvaluateFlags) => {
      const classifier = await loadImageClassifier(flags.model, { allowRemote: flags.allowRemote });
      try {
        const set = await loadEvaluationData(flags.data, { split: flags.split, labels: classifier.labels, size: classifier.inputSize ?? undefined });
        const { probabilities: _probabilities, ...metrics } = await evaluateImageClassifier(classifier, set);
        const model = classifier.manifest ? `${classifier.manifest.name}@${classifier.manifest.version}` : classifier.source;
        console.log(JSON.stringify({ model, data: flags.data, split: flags.split, ...metrics }, null, 2));
      } finally {
        await classifier.dispose();
      }
    });
}
