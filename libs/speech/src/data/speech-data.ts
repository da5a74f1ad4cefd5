import { createRng, type Rng } from '@dl-suite/ml-training';
import { augmentEnvironment, DEFAULT_ENVIRONMENT, type EnvironmentOptions } from '../augment/augment';
import { readFaster } from '../augment/speed-pitch';
import { DEFAULT_TALKER_VARIANTS, talkerVariants, type TalkerVariantOptions } from '../augment/talker-variants';
import { connectedDigitUtterance, speakerPool, type ConnectedDigitOptions } from './connected';
import { festivalDigitRecordings, festivalDigitStrings } from './festival';
import { FSDD_SPEAKERS, loadFsddRecordings } from './fsdd';
import type { DigitRecording, Utterance } from './recording';
import { synthesizedDigitRecordings, synthesizedDigitStrings } from './synthetic-sets';
import { espeakTrainingVoices, festivalTrainingVoices, FLITE_TEST_VOICES, picoMbrolaTrainingVoices } from './voices';

export interface SpeechDataOptions {
  fsddDir: string;
  /**
   * FSDD speaker kept out of training: validation (early stopping) and the human test set. null:
   * train on every speaker and hold out FSDD's test takes (0–4) instead, for a final model once
   * the recipe has been chosen on a held-out speaker.
   */
  heldOutSpeaker: string | null;
  /**
   * Folder of `<digit>_<speaker>_<take>.wav` recordings of voices never trained on: early stopping
   * scores connected strings of these instead of the held-out speaker's. With every FSDD speaker
   * trained on, FSDD's test takes are voices the model knows and so say little about new ones.
   */
  validationDir?: string;
  seed: number;
  /** espeak-ng voices whose isolated digit words join the training speakers (0: human speech only). */
  espeakVoices: number;
  /**
   * Whole digit strings each espeak-ng voice speaks in one go (0: none). The builder only joins
   * isolated words; these carry a synthesiser's own timing and coarticulation.
   */
  espeakStrings: number;
  /** Share of the synthetic utterances drawn from those whole strings. */
  fluentShare: number;
  /** Variants (tempo, pitch and formants) of each festival voice in the synthetic pool (0: none; needs festival). */
  festivalVariants: number;
  /** Whole digit strings each festival voice variant speaks in one go (0: none); drawn like espeak-ng's. */
  festivalStrings: number;
  /** Variants (tempo, pitch) of each Pico and MBROLA voice in the synthetic pool (0: none; needs Debian non-free packages). */
  picoMbrolaVariants: number;
  /** Whole digit strings each Pico or MBROLA voice variant speaks in one go. */
  picoMbrolaStrings: number;
  /** Share of training utterances drawn from the synthetic voices. */
  syntheticShare: number;
  talkerVariants: TalkerVariantOptions;
  /**
   * Per training utterance, the signal played this many times faster (uniform): tempo, pitch
   * and formants move together, as with a shorter or longer vocal tract. [1, 1]: off.
   */
  utteranceSpeed: [number, number];
  environment: EnvironmentOptions;
  connected: ConnectedDigitOptions;
  /** Utterances of the held-out speaker in the validation and in the test set (disjoint draws). */
  heldOutUtterances: number;
  /** flite strings per test voice (15 voices). */
  flitePerVoice: number;
  onPhase?: (name: string) => void;
}

export const DEFAULT_SPEECH_DATA: Omit<SpeechDataOptions, 'fsddDir' | 'heldOutSpeaker' | 'seed'> = {
  espeakVoices: 40,
  espeakStrings: 25,
  fluentShare: 0.5,
  festivalVariants: 0,
  festivalStrings: 0,
  picoMbrolaVariants: 0,
  picoMbrolaStrings: 0,
  syntheticShare: 0.3,
  talkerVariants: DEFAULT_TALKER_VARIANTS,
  utteranceSpeed: [1, 1],
  environment: DEFAULT_ENVIRONMENT,
  connected: { digits: [1, 5] },
  heldOutUtterances: 150,
  flitePerVoice: 8,
};

export interface SpeechData {
  /** Draws one augmented training utterance. */
  nextTrainingUtterance: (rng: Rng) => Utterance;
  validation: Utterance[];
  tests: { heldOut: Utterance[]; flite: Utterance[] };
  /** What the training pool holds, for the model card. */
  summary: {
    humanSpeakers: string[];
    humanRecordings: number;
    pseudoSpeakers: number;
    syntheticVoices: number;
    syntheticRecordings: number;
    /** Speakers of `validationDir`, when early stopping used it. */
    validationVoices?: string[];
  };
}

/**
 * Everything training and evaluation read: the training speakers (FSDD minus the held-out one,
 * their speed/pitch variants, espeak-ng and optionally festival voices) as an endless source of augmented connected-digit
 * utterances, the held-out speaker's validation and test utterances (clean, different draws),
 * and whole digit strings from flite, a synthesiser that is never trained on.
 */
export async function prepareSpeechData(options: SpeechDataOptions): Promise<SpeechData> {
  const { heldOutSpeaker, seed, onPhase } = options;
  if (heldOutSpeaker !== null && !FSDD_SPEAKERS.includes(heldOutSpeaker as (typeof FSDD_SPEAKERS)[number])) {
    throw new Error(`Unknown FSDD speaker '${heldOutSpeaker}' (speakers: ${FSDD_SPEAKERS.join(', ')})`);
  }
  const rng = createRng(seed);
  onPhase?.('loading FSDD');
  const human =
    heldOutSpeaker === null
      ? await loadFsddRecordings(options.fsddDir, FSDD_SPEAKERS, 'train')
      : await loadFsddRecordings(options.fsddDir, FSDD_SPEAKERS.filter((s) => s !== heldOutSpeaker));
  const heldOut = speakerPool(
    heldOutSpeaker === null ? await loadFsddRecordings(options.fsddDir, FSDD_SPEAKERS, 'test') : await loadFsddRecordings(options.fsddDir, [heldOutSpeaker]),
  );
  const validationVoices = options.validationDir ? await loadFsddRecordings(options.validationDir) : undefined;
  const validationPool = validationVoices ? speakerPool(validationVoices) : heldOut;

  onPhase?.(`synthesising ${options.espeakVoices} espeak-ng voices`);
  const espeakVoices = espeakTrainingVoices(options.espeakVoices, rng);
  const espeak = await synthesizedDigitRecordings(espeakVoices);
  const stringDigits = options.connected.digits ?? [1, 7];
  const wantsFluent = options.espeakStrings > 0 && espeakVoices.length > 0;
  if (wantsFluent) onPhase?.(`synthesising ${options.espeakStrings} whole strings per espeak-ng voice`);
  const fluent = wantsFluent ? await synthesizedDigitStrings(espeakVoices, rng, { perVoice: options.espeakStrings, digits: stringDigits }) : [];
  let festival: DigitRecording[] = [];
  if (options.festivalVariants > 0) {
    onPhase?.(`synthesising ${options.festivalVariants} variants of each festival voice`);
    const festivalVoices = festivalTrainingVoices(options.festivalVariants, rng);
    festival = await festivalDigitRecordings(festivalVoices);
    if (options.festivalStrings > 0) {
      onPhase?.(`synthesising ${options.festivalStrings} whole strings per festival voice variant`);
      fluent.push(...(await festivalDigitStrings(festivalVoices, rng, { perVoice: options.festivalStrings, digits: stringDigits })));
    }
  }
  // No variants: no voices, so nothing below synthesises or draws from rng.
  const picoMbrolaVoices = picoMbrolaTrainingVoices(options.picoMbrolaVariants, rng);
  if (picoMbrolaVoices.length > 0) onPhase?.(`synthesising ${options.picoMbrolaVariants} variants of each Pico and MBROLA voice`);
  const picoMbrola = await synthesizedDigitRecordings(picoMbrolaVoices);
  fluent.push(...(await synthesizedDigitStrings(picoMbrolaVoices, rng, { perVoice: options.picoMbrolaStrings, digits: stringDigits })));
  const synthetic = [...espeak, ...festival, ...picoMbrola];

  onPhase?.('perturbing speed and pitch');
  const humanPool = speakerPool([...human, ...talkerVariants(human, rng, options.talkerVariants)]);
  const syntheticPool = synthetic.length > 0 ? speakerPool(synthetic) : undefined;

  onPhase?.('synthesising the flite test set');
  const evaluation = { digits: [3, 7] as [number, number] };
  const validationRng = createRng(seed + 1);
  const testRng = createRng(seed + 2);
  const tests = {
    heldOut: Array.from({ length: options.heldOutUtterances }, () => connectedDigitUtterance(heldOut, testRng, evaluation)),
    flite: await synthesizedDigitStrings(FLITE_TEST_VOICES, createRng(seed + 3), { perVoice: options.flitePerVoice, digits: evaluation.digits }),
  };
  return {
    nextTrainingUtterance: (drawRng) => {
      const isSynthetic = syntheticPool !== undefined && drawRng.next() < options.syntheticShare;
      const utterance =
        isSynthetic && fluent.length > 0 && drawRng.next() < options.fluentShare
          ? fluent[drawRng.int(fluent.length)]!
          : connectedDigitUtterance(isSynthetic ? syntheticPool : humanPool, drawRng, options.connected);
      const [slowest, fastest] = options.utteranceSpeed;
      const talker = fastest === slowest && slowest === 1 ? utterance.samples : readFaster(utterance.samples, slowest + drawRng.next() * (fastest - slowest));
      return { ...utterance, samples: augmentEnvironment(talker, drawRng, options.environment) };
    },
    validation: Array.from({ length: options.heldOutUtterances }, () => connectedDigitUtterance(validationPool, validationRng, evaluation)),
    tests,
    summary: summarise(human, humanPool.size, synthetic, validationVoices),
  };
}

function summarise(human: DigitRecording[], pseudoSpeakers: number, synthetic: DigitRecording[], validation?: DigitRecording[]): SpeechData['summary'] {
  return {
    ...(validation && { validationVoices: [...new Set(validation.map((r) => r.speaker))] }),
    humanSpeakers: [...new Set(human.map((r) => r.speaker))],
    humanRecordings: human.length,
    pseudoSpeakers,
    syntheticVoices: new Set(synthetic.map((r) => r.speaker)).size,
    syntheticRecordings: synthetic.length,
  };
}
