import * as tf from '@tensorflow/tfjs';
import { DEFAULT_SPEECH_DATA } from '../data/speech-data';
import { buildSpeechModel, DEFAULT_ACOUSTIC_MODEL, type AcousticModelConfig } from '../model/speech-model';
import { warpEnsemble } from '../model/warp-ensemble';
import { DEFAULT_SCHEDULE, type TrainedSpeechModel } from '../train-speech-model';

const SCORES = { digitErrorRate: 0.5, stringAccuracy: 0.25, utterances: 4, digits: 16 };

/**
 * A TrainedSpeechModel around a small untrained model whose BatchNorm layers hold random
 * statistics (so its logits vary from frame to frame as a trained model's do), in the served
 * warp ensemble, for export tests.
 */
export function trainedFixture(): TrainedSpeechModel {
  const config: AcousticModelConfig = { ...DEFAULT_ACOUSTIC_MODEL, channels: 16, blocks: 1, kernelSize: 3, dropout: 0, utteranceMeanNorm: true, seed: 5 };
  const model = buildSpeechModel(config);
  let seed = 21;
  for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
    layer.setWeights(layer.getWeights().map((w, i) => tf.tidy(() => (i === 3 ? tf.randomUniform(w.shape, 0.5, 2, 'float32', seed++) : tf.randomNormal(w.shape, 0, 0.5, 'float32', seed++)))));
  }
  const servingWarps = [0.94, 1, 1.06];
  return {
    model: warpEnsemble(model, servingWarps),
    config: { heldOutSpeaker: 'jackson', seed: 1, model: config, schedule: DEFAULT_SCHEDULE, data: { ...DEFAULT_SPEECH_DATA, heldOutSpeaker: 'jackson', seed: 1 }, servingWarps },
    training: { history: [], bestRound: 0, steps: 0, seconds: 1, cpuSeconds: 1, dataSeconds: 0, backend: 'cpu', stoppedBy: 'steps' },
    blankBias: { bias: 0.5, tried: [{ bias: 0, digitErrorRate: 0.6 }, { bias: 0.5, digitErrorRate: 0.5 }] },
    data: { humanSpeakers: ['george'], humanRecordings: 500, pseudoSpeakers: 1, syntheticVoices: 0, syntheticRecordings: 0 },
    metrics: { validation: SCORES, heldOut: SCORES, flite: SCORES, fliteUnshared: SCORES },
    seconds: { data: 1, training: 1, total: 2 },
  };
}
