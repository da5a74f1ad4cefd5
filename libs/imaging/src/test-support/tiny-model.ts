import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectBackend } from '@dl-suite/ml-training';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';
import { architectureSchema } from '../model/architecture';
import { saveImageClassifier } from '../model/save-model';
import { trainImageClassifier, type TrainedImageClassifier } from '../training/train';
import { head, pneumoniaSplits } from './pneumonia';

export const TINY_ARCHITECTURE = architectureSchema.parse({ filters: [4, 8], dropout: 0, batchNormMomentum: 0.8 });

/**
 * A small CNN trained for three epochs on 1,200 real PneumoniaMNIST images and saved as a model
 * folder: good enough to be far above chance, fast enough for every test file to build its own.
 */
export async function tinyModelFolder(): Promise<{ dir: string; trained: TrainedImageClassifier }> {
  const backend = await selectBackend({ log: () => undefined });
  if (backend.name !== 'tensorflow') registerFastConvKernels(backend.name);
  const { train, val } = await pneumoniaSplits();
  const trained = await trainImageClassifier({
    train: head(train, 1200),
    validation: head(val, 200),
    classes: 2,
    architecture: TINY_ARCHITECTURE,
    epochs: 3,
    batchSize: 32,
    patience: 2,
    seed: 7,
  });
  const dir = await mkdtemp(join(tmpdir(), 'imaging-model-'));
  await saveImageClassifier(dir, trained, {
    name: 'tiny-cnn',
    version: '0.0.1',
    labels: ['normal', 'pneumonia'],
    height: train.height,
    width: train.width,
    channels: train.channels,
    architecture: TINY_ARCHITECTURE,
    dataDescription: 'first 1,200 PneumoniaMNIST training images',
    dataFingerprint: '0'.repeat(64),
    trainRows: 1200,
    validationRows: 200,
    metrics: { validation: { roc_auc: trained.validation.auc, accuracy: trained.validation.accuracy } },
    hyperparameters: { epochs: 2 },
    trainingSeconds: trained.seconds,
    backend: 'cpu',
  });
  return { dir, trained };
}
