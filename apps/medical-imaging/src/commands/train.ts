import { join } from 'node:path';
import type { Command } from 'commander';
import * as tf from '@tensorflow/tfjs';
import { fraction, integer, positive } from '@dl-suite/cli';
import {
  architectureSchema,
  augmentationSchema,
  loadTrainingData,
  saveImageClassifier,
  trainImageClassifier,
  writeImagingReport,
} from '@dl-suite/imaging';
import { sha256File } from '@dl-suite/ml-runtime';
import { backendOptionsFromEnv, createProgressReporter, selectBackend } from '@dl-suite/ml-training';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';

interface TrainFlags {
  data: string;
  valData?: string;
  valFraction: number;
  labels?: string;
  size?: number;
  filters: string;
  dropout: number;
  learningRate: number;
  augment: boolean;
  epochs: number;
  batchSize: number;
  patience: number;
  seed: number;
  name: string;
  version: string;
  out: string;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Train the CNN on a MedMNIST .npz file (train + val splits) or an image folder, and write a Hugging Face model folder + report.')
    .requiredOption('--data <path>', 'MedMNIST .npz file, or a folder with one sub-folder of PNG/JPEG/DICOM images per class')
    .option('--val-data <dir>', 'validation image folder (image folders only; default: a stratified --val-fraction of --data)')
    .option('--val-fraction <f>', 'validation share when an image folder has no --val-data', fraction, 0.1)
    .option('--labels <names>', 'comma-separated class names in label order (default: the MedMNIST subset\'s names, or the folder names)')
    .option('--size <px>', 'image side for image folders (default 28)', integer(8, 512))
    .option('--filters <list>', 'filters per conv block', '32,64,128')
    .option('--dropout <rate>', 'dropout before the classifier', fraction, 0.2)
    .option('--learning-rate <lr>', 'initial Adam learning rate (cosine decay)', positive, 2e-3)
    .option('--no-augment', 'train without shift/rotation/zoom/brightness/contrast augmentation')
    .option('--epochs <n>', 'maximum epochs', integer(1, 1000), 30)
    .option('--batch-size <n>', 'batch size', integer(1, 4096), 64)
    .option('--patience <n>', 'epochs without a better validation AUC before stopping', integer(1), 8)
    .option('--seed <n>', 'random seed', integer(0), 42)
    .option('--name <name>', 'model name', 'pneumonia-cnn')
    .option('--version <version>', 'model version', '1.0.0')
    .requiredOption('--out <dir>', 'model folder to write (the report goes to <dir>/report)')
    .action(async (flags: TrainFlags) => {
      const backend = await selectBackend(backendOptionsFromEnv(process.env));
      if (backend.name !== 'tensorflow') registerFastConvKernels(backend.name);
      const data = await loadTrainingData(flags.data, {
        validation: flags.valData,
        validationFraction: flags.valFraction,
        labels: flags.labels?.split(',').map((l) => l.trim()),
        size: flags.size,
        seed: flags.seed,
      });
      process.stderr.write(`data: ${data.description}\n`);
      const architecture = architectureSchema.parse({
        filters: flags.filters.split(',').map(Number),
        dropout: flags.dropout,
        learningRate: flags.learningRate,
      });
      const augmentation = flags.augment ? augmentationSchema.parse({}) : undefined;
      const progress = createProgressReporter({ totalEpochs: flags.epochs, label: flags.name });
      const trained = await trainImageClassifier({
        train: data.train,
        validation: data.validation,
        classes: data.labels.length,
        architecture,
        augmentation,
        epochs: flags.epochs,
        batchSize: flags.batchSize,
        patience: flags.patience,
        seed: flags.seed,
        learningRate: { schedule: 'cosine', initial: flags.learningRate },
        onEpochEnd: (report) => progress.onEpochEnd(report),
      });
      progress.stop();

      const metrics = await writeImagingReport(join(flags.out, 'report'), {
        title: `${flags.name} ${flags.version}: validation report`,
        description: `${data.description}. Backend: ${backend.name}. Best epoch ${trained.bestEpoch + 1} of ${trained.history.length}.`,
        labels: data.labels,
        validation: data.validation,
        probabilities: trained.validationProbabilities,
        history: trained.history,
        trainingSeconds: trained.seconds,
      });
      const manifest = await saveImageClassifier(flags.out, trained, {
        name: flags.name,
        version: flags.version,
        labels: data.labels,
        height: data.train.height,
        width: data.train.width,
        channels: data.train.channels,
        architecture,
        dataDescription: data.description,
        dataFingerprint: await sha256File(flags.data),
        trainRows: data.train.count,
        validationRows: data.validation.count,
        metrics: { validation: metrics },
        hyperparameters: { augmentation: augmentation ?? 'off', epochs: flags.epochs, bestEpoch: trained.bestEpoch + 1, batchSize: flags.batchSize, patience: flags.patience, seed: flags.seed, classWeights: 'balanced' },
        trainingSeconds: trained.seconds,
        backend: backend.name,
      });
      trained.model.dispose();
      tf.disposeVariables();
      console.log(JSON.stringify({ out: flags.out, backend: backend.name, trainingSeconds: Math.round(trained.seconds), validation: manifest.metrics['validation'] }, null, 2));
    });
}
