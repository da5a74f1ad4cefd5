import { selectBackend } from '@dl-suite/ml-training';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';
import { beforeAll, describe, expect, it } from 'vitest';
import { architectureSchema } from '../model/architecture';
import { head, pneumoniaSplits } from '../test-support/pneumonia';
import type { ImageSet } from '../data/types';
import { augmentationSchema } from './augment';
import { trainImageClassifier } from './train';

let train: ImageSet;
let val: ImageSet;

beforeAll(async () => {
  const backend = await selectBackend({ log: () => undefined });
  if (backend.name !== 'tensorflow') registerFastConvKernels(backend.name);
  const splits = await pneumoniaSplits();
  train = head(splits.train, 1500);
  val = splits.val;
});

const small = architectureSchema.parse({ filters: [4, 8], dropout: 0.1, batchNormMomentum: 0.8 });

describe('trainImageClassifier', () => {
  it('learns pneumonia from 1,500 real X-rays in three augmented epochs (validation AUC > 0.9)', async () => {
    const epochs: number[] = [];
    const result = await trainImageClassifier({
      train,
      validation: val,
      classes: 2,
      architecture: small,
      augmentation: augmentationSchema.parse({}),
      epochs: 3,
      batchSize: 32,
      patience: 3,
      seed: 3,
      onEpochEnd: (report) => epochs.push(report.metrics['val_auc'] as number),
    });
    expect(epochs).toHaveLength(3);
    expect(result.validation.auc).toBeGreaterThan(0.9);
    // The returned model is the best epoch's, and its numbers are the best epoch's.
    expect(result.validation.auc).toBeCloseTo(Math.max(...epochs), 4);
    expect(result.validationProbabilities).toHaveLength(val.count * 2);
    expect(result.normalization.mean[0]).toBeGreaterThan(0.3);
    result.model.dispose();
  });

  it('is reproducible from its seed', async () => {
    const run = async () => {
      const result = await trainImageClassifier({ train: head(train, 400), validation: head(val, 100), classes: 2, architecture: small, augmentation: augmentationSchema.parse({}), epochs: 1, batchSize: 32, patience: 1, seed: 5 });
      result.model.dispose();
      return Array.from(result.validationProbabilities);
    };
    expect(await run()).toEqual(await run());
  });

  it('refuses mismatched shapes and labels outside the classes', async () => {
    const options = { classes: 2, architecture: small, epochs: 1, batchSize: 32, patience: 1, seed: 1 };
    await expect(trainImageClassifier({ ...options, train, validation: { ...val, height: 14, width: 56 } })).rejects.toThrow(
      'training images are 28×28×1 but validation images are 14×56×1',
    );
    await expect(trainImageClassifier({ ...options, train, validation: val, classes: 1 })).rejects.toThrow('label 1 is outside 0..0');
  });
});
