import { wav2vec2CtcFiles } from '@dl-suite/ml-ctc';
import { OnnxModel, writeModelFolder, type ModelManifest } from '@dl-suite/ml-runtime';
import { DEFAULT_OPSET, exportLayersModel } from '@dl-suite/onnx-export';
import * as tf from '@tensorflow/tfjs';
import type { Utterance } from '../data/recording';
import { outputFraming } from '../model/speech-model';
import type { TrainedSpeechModel } from '../train-speech-model';
import { VOCABULARY } from '../vocabulary';
import { speechModelCard, type RuntimeMeasurements } from './model-card';

const ONNX_FILE = 'onnx/model.onnx';
const SAMPLE_RATE = 16000;

export interface ExportSpeechModelOptions {
  /** Utterances to compare ONNX with tfjs on and to time (a few seconds of speech). */
  checkUtterances: readonly Utterance[];
  /** sha256 of the training data (fsddFingerprint) and how it was described. */
  data: { description: string; fingerprint: string };
  name?: string;
  version?: string;
}

/**
 * Writes the model folder transformers.js serves as wav2vec2 CTC (config, preprocessor,
 * tokenizer, `onnx/model.onnx`), plus MODEL_CARD.md and manifest.json with the metrics, after
 * measuring ONNX/tfjs parity and the single-thread real-time factor on `checkUtterances`.
 */
export async function exportSpeechModel(trained: TrainedSpeechModel, dir: string, options: ExportSpeechModelOptions): Promise<ModelManifest> {
  const onnx = exportLayersModel(trained.model, { inputNames: ['input_values'], outputNames: ['logits'], producerName: '@dl-suite/speech-domain' });
  const runtime = await measureRuntime(trained.model, onnx, options.checkUtterances);
  const { hop, window } = outputFraming(trained.config.model);
  const { config, metrics } = trained;
  return writeModelFolder(dir, {
    files: {
      ...wav2vec2CtcFiles({ vocabulary: VOCABULARY, hop, window, samplingRate: SAMPLE_RATE, doNormalize: false }),
      [ONNX_FILE]: onnx,
      'MODEL_CARD.md': speechModelCard(trained, runtime),
    },
    manifest: {
      name: options.name ?? 'connected-digits-ctc',
      version: options.version ?? '1.0.0',
      task: 'automatic-speech-recognition',
      created: new Date().toISOString(),
      description: 'Connected English digit strings → lower-case words, CTC over digit-word units',
      labels: [...VOCABULARY],
      inputs: [{ name: 'input_values', dtype: 'float32', shape: ['batch', 'samples'] }],
      outputs: [{ name: 'logits', dtype: 'float32', shape: ['batch', 'frames', VOCABULARY.length] }],
      framework: { trainedWith: `@tensorflow/tfjs ${tf.version.tfjs}`, exportedWith: '@dl-suite/onnx-export', opset: DEFAULT_OPSET },
      hyperparameters: { model: config.model, schedule: config.schedule, data: config.data, heldOutSpeaker: config.heldOutSpeaker, servingWarps: config.servingWarps, blankBias: trained.blankBias, seed: config.seed, samplesPerFrame: hop, receptiveFieldSamples: window },
      data: options.data,
      metrics: {
        heldOut: { ...metrics.heldOut },
        validation: { ...metrics.validation },
        flite: { ...metrics.flite },
        fliteUnshared: { ...metrics.fliteUnshared },
        runtime: { ...runtime, trainingSeconds: trained.seconds.training, trainingCpuSeconds: trained.training.cpuSeconds, dataSeconds: trained.seconds.data },
      },
    },
  });
}

async function measureRuntime(model: tf.LayersModel, onnx: Uint8Array, utterances: readonly Utterance[]): Promise<RuntimeMeasurements> {
  const session = await OnnxModel.fromBytes(onnx, { intraOpThreads: 1, warmup: { input_values: { dims: [1, SAMPLE_RATE], dtype: 'float32' } } });
  try {
    let parityMaxAbsDiff = 0;
    let computeSeconds = 0;
    let audioSeconds = 0;
    for (const { samples } of utterances) {
      const started = performance.now();
      const { data } = await session.runFloat('input_values', samples, [1, samples.length]);
      computeSeconds += (performance.now() - started) / 1000;
      audioSeconds += samples.length / SAMPLE_RATE;
      const expected = tf.tidy(() => (model.predict(tf.tensor2d(samples, [1, samples.length])) as tf.Tensor).dataSync());
      (data as Float32Array).forEach((v, i) => (parityMaxAbsDiff = Math.max(parityMaxAbsDiff, Math.abs(v - expected[i]!))));
    }
    return { parityMaxAbsDiff, realTimeFactor: computeSeconds / audioSeconds };
  } finally {
    await session.dispose();
  }
}
