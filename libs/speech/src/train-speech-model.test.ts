import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';
import { beforeAll, describe, expect, it } from 'vitest';
import { FSDD } from './test-support/fsdd';
import { trainSpeechModel, type SpeechTrainingOptions } from './train-speech-model';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerFastConvKernels('wasm');
});

// One step of a tiny model on human speech only: this checks which data each mode trains and tests on, not quality.
const tiny: Omit<SpeechTrainingOptions, 'heldOutSpeaker'> = {
  fsddDir: FSDD,
  data: { espeakVoices: 0, festivalVariants: 0, talkerVariants: { perSpeaker: 0, speed: [1, 1], pitch: [1, 1] }, heldOutUtterances: 6, flitePerVoice: 0 },
  model: { channels: 8, blocks: 1, kernelSize: 3 },
  training: { maxSteps: 1, stepsPerRound: 1, batchSize: 2, bucketBatches: 1, warmupSteps: 1 },
  servingWarps: [1],
};

describe('trainSpeechModel', () => {
  it('holds jackson out by default', async () => {
    const trained = await trainSpeechModel(tiny);
    expect(trained.config.heldOutSpeaker).toBe('jackson');
    expect(trained.data.humanSpeakers).not.toContain('jackson');
    // The served model decodes with the offset that scored best on the validation draw.
    expect(trained.blankBias.tried).toHaveLength(17);
    expect(trained.metrics.validation.digitErrorRate).toBeCloseTo(Math.min(...trained.blankBias.tried.map((t) => t.digitErrorRate)), 6);
    trained.model.dispose();
  }, 240_000);

  it('trains on every speaker with heldOutSpeaker null, holding out their test takes instead', async () => {
    const trained = await trainSpeechModel({ ...tiny, heldOutSpeaker: null });
    expect(trained.config.heldOutSpeaker).toBeNull();
    expect(trained.data.humanSpeakers.sort()).toEqual(['george', 'jackson', 'lucas', 'nicolas', 'yweweler']);
    expect(trained.data.humanRecordings).toBe(2250); // takes 5-49 of 5 speakers × 10 digits
    trained.model.dispose();
  }, 240_000);

  it('builds a given blank offset in without trying others', async () => {
    const trained = await trainSpeechModel({ ...tiny, blankBias: -0.5 });
    expect(trained.blankBias).toEqual({ bias: -0.5, tried: [] });
    trained.model.dispose();
  }, 240_000);
});
