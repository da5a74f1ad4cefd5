import type * as tf from '@tensorflow/tfjs';
import { createRng, type EpochReport } from '@dl-suite/ml-training';
import { DEFAULT_SPEECH_DATA, prepareSpeechData, type SpeechData, type SpeechDataOptions } from './data/speech-data';
import { buildSpeechModel, DEFAULT_ACOUSTIC_MODEL, outputFraming, type AcousticModelConfig } from './model/speech-model';
import { SERVING_WARPS, warpEnsemble } from './model/warp-ensemble';
import { isFliteVoiceUnshared } from './data/voices';
import { scoreDigitStrings, type DigitScores } from './training/digit-errors';
import { addBlankBias, chooseBlankBias, type BlankBiasChoice } from './training/blank-bias';
import { evaluateDigits, predictLogits, transcribe } from './training/evaluate';
import { trainLoop, type TrainLoopResult } from './training/train-loop';

export interface SpeechTrainingOptions {
  /** FSDD `recordings` folder. */
  fsddDir: string;
  /** FSDD speaker never trained on (default 'jackson'); null: every speaker, FSDD's test takes held out. */
  heldOutSpeaker?: string | null;
  /** Recordings of unseen voices for early stopping instead of the held-out speaker (see SpeechDataOptions). */
  validationDir?: string;
  seed?: number;
  data?: Partial<Omit<SpeechDataOptions, 'fsddDir' | 'heldOutSpeaker' | 'validationDir' | 'seed' | 'onPhase'>>;
  model?: Partial<AcousticModelConfig>;
  training?: Partial<SpeechTrainingSchedule>;
  /** Frequency warps the served model averages over (warpEnsemble); [1]: the trained model alone. */
  servingWarps?: readonly number[];
  /** Offset added to the CTC blank's logit in the served model (default: chosen on the validation draw, see chooseBlankBias). */
  blankBias?: number;
  onPhase?: (name: string) => void;
  onRound?: (report: EpochReport) => void;
}

export interface SpeechTrainingSchedule {
  batchSize: number;
  /** Batches drawn together and cut by length (see trainLoop). */
  bucketBatches: number;
  maxSteps: number;
  stepsPerRound: number;
  patience: number;
  learningRate: number;
  warmupSteps: number;
  /** Wall-clock cap of the training loop in minutes (data preparation not included; reported separately). */
  maxMinutes: number;
}

export const DEFAULT_SCHEDULE: SpeechTrainingSchedule = {
  batchSize: 32,
  bucketBatches: 8,
  maxSteps: 1800,
  stepsPerRound: 100,
  patience: 8,
  learningRate: 3e-3,
  warmupSteps: 100,
  maxMinutes: 25,
};

export interface TrainedSpeechModel {
  /** The served model: the trained one averaged over `config.servingWarps`, mean log-probabilities out. */
  model: tf.LayersModel;
  config: {
    heldOutSpeaker: string | null;
    seed: number;
    model: AcousticModelConfig;
    schedule: SpeechTrainingSchedule;
    data: Omit<SpeechDataOptions, 'fsddDir' | 'onPhase'>;
    servingWarps: readonly number[];
  };
  training: TrainLoopResult;
  /** The blank-logit offset built into `model`; `tried` is empty when it was given, not chosen. */
  blankBias: BlankBiasChoice;
  data: SpeechData['summary'];
  /**
   * `heldOut`: the held-out speaker's (or takes') test draw; `fliteUnshared`: the flite voices
   * whose speakers festival's training voices are not (awb, rms).
   */
  metrics: { validation: DigitScores; heldOut: DigitScores; flite: DigitScores; fliteUnshared: DigitScores };
  /** Wall clock: data preparation, the training loop, and both together. */
  seconds: { data: number; training: number; total: number };
}

/**
 * Trains the connected-digit CTC model from scratch: prepares the data (see speech-data.ts),
 * builds the model (raw samples in, logits out), trains until the held-out speaker's digit error
 * rate stops improving, wraps the best weights in the frequency-warp ensemble that is served,
 * offsets the blank's logit by what decodes the validation draw best (chooseBlankBias), and
 * scores that on the held-out speaker's (or takes') test utterances and on flite voices (all of
 * them, and those festival does not share). The caller exports it (`exportSpeechModel`).
 */
export async function trainSpeechModel(options: SpeechTrainingOptions): Promise<TrainedSpeechModel> {
  const started = performance.now();
  // `??` would turn null (every speaker trained on) into the default.
  const heldOutSpeaker = options.heldOutSpeaker === undefined ? 'jackson' : options.heldOutSpeaker;
  const seed = options.seed ?? 7;
  const dataOptions = { ...DEFAULT_SPEECH_DATA, ...options.data, heldOutSpeaker, seed, ...(options.validationDir && { validationDir: options.validationDir }) };
  const modelConfig = { ...DEFAULT_ACOUSTIC_MODEL, ...options.model };
  const schedule = { ...DEFAULT_SCHEDULE, ...options.training };

  const data = await prepareSpeechData({ ...dataOptions, fsddDir: options.fsddDir, onPhase: options.onPhase });
  const dataSeconds = (performance.now() - started) / 1000;

  options.onPhase?.('training');
  const model = buildSpeechModel(modelConfig);
  const framing = outputFraming(modelConfig);
  const training = await trainLoop({
    model,
    framing,
    nextUtterance: data.nextTrainingUtterance,
    rng: createRng(seed + 4),
    validation: data.validation,
    ...schedule,
    maxSeconds: schedule.maxMinutes * 60,
    onRound: options.onRound,
  });

  options.onPhase?.('evaluating');
  const servingWarps = options.servingWarps ?? SERVING_WARPS;
  const served = warpEnsemble(model, servingWarps);
  const blankBias =
    options.blankBias === undefined
      ? chooseBlankBias(predictLogits(served, data.validation, framing), data.validation.map((u) => u.digits))
      : { bias: options.blankBias, tried: [] };
  addBlankBias(model, blankBias.bias);
  const flite = transcribe(served, data.tests.flite, framing);
  const metrics = {
    validation: evaluateDigits(served, data.validation, framing),
    heldOut: evaluateDigits(served, data.tests.heldOut, framing),
    flite: scoreDigitStrings(flite),
    fliteUnshared: scoreDigitStrings(flite.filter((_, i) => isFliteVoiceUnshared(data.tests.flite[i]!.speaker))),
  };
  return {
    model: served,
    config: { heldOutSpeaker, seed, model: modelConfig, schedule, data: dataOptions, servingWarps },
    training,
    blankBias,
    data: data.summary,
    metrics,
    seconds: { data: dataSeconds, training: training.seconds, total: (performance.now() - started) / 1000 },
  };
}
