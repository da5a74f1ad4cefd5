import type { TrainedSpeechModel } from '../train-speech-model';
import type { DigitScores } from '../training/digit-errors';
import { FESTIVAL_VOICES } from '../data/voices';
import { FRONT_END } from '../model/front-end';
import { outputFraming, type AcousticModelConfig } from '../model/speech-model';
import { VOCABULARY } from '../vocabulary';

export interface RuntimeMeasurements {
  /** Max |ONNX − tfjs| over the logits of the check utterances. */
  parityMaxAbsDiff: number;
  /** Seconds of compute per second of audio, onnxruntime on 1 thread. */
  realTimeFactor: number;
}

const percent = (x: number) => `${(100 * x).toFixed(2)} %`;
const row = (name: string, s: DigitScores) => `| ${name} | ${s.utterances} | ${s.digits} | ${percent(s.digitErrorRate)} | ${percent(s.stringAccuracy)} |`;

/** Output frame duration in ms (the front end's 10 ms hop, halved per downsampling). */
const frameMs = (model: AcousticModelConfig) => (outputFraming(model).hop / FRONT_END.sampleRate) * 1000;

/** MODEL_CARD.md: what the model does, how it was trained, how well it does, where it fails. */
export function speechModelCard(trained: TrainedSpeechModel, runtime: RuntimeMeasurements): string {
  const { config, metrics, data, training, seconds } = trained;
  return `# Connected-digit speech recogniser (CTC)

Transcribes spoken English digit strings ("four two seven") from raw 16 kHz mono samples.
Trained from scratch in TensorFlow.js; served by transformers.js' automatic-speech-recognition
pipeline as a \`wav2vec2\` CTC model (\`input_values [batch, samples]\` → \`logits [batch, frames, ${VOCABULARY.length}]\`,
one frame per ${frameMs(config.model)} ms).

## Model
- Front end inside the graph, fixed weights: 25 ms Hann windows every 10 ms as a strided Conv1D
  with DFT filters, power, ${FRONT_END.mels} mel bands ${FRONT_END.fMin}–${FRONT_END.fMax} Hz, ln(1 + mel / ${FRONT_END.logOffset}).
- Acoustic model: ${config.model.utteranceMeanNorm ? 'the utterance\'s mean log-mel spectrum subtracted, ' : ''}BatchNorm, Conv1D ${config.model.channels}×5 at 10 ms, ${config.model.downsamplings} stride-2 Conv1D to ${frameMs(config.model)} ms,
  ${config.model.blocks} residual Conv1D(${config.model.channels}, ${config.model.kernelSize}) blocks with BatchNorm + ReLU, dropout ${config.model.dropout}, Dense → logits.
- Served as an ensemble over frequency warps ${config.servingWarps.join(', ')} of the mel filterbank (a cheap
  speaker normalisation): the same weights run on each warped spectrogram, log-probabilities averaged.
- Units: \`${VOCABULARY.join(' ')}\` — the CTC blank, the word delimiter (unused), one word-start unit per digit word.

## Training
- Human speech: FSDD speakers ${data.humanSpeakers.join(', ')} (${data.humanRecordings} recordings), joined into
  connected strings of ${(config.data.connected.digits ?? [1, 7]).join('–')} digits with random pauses; ${heldOutDescription(config.heldOutSpeaker)}.
- Speed/pitch pseudo-speakers: ${data.pseudoSpeakers} human voices in all.
- Synthetic voices, ${percent(config.data.syntheticShare)} of utterances: ${syntheticVoices(trained)}.
- Per utterance: ${utteranceSpeed(config.data.utteranceSpeed)}reverb (p=${config.data.environment.reverbProbability}),
  coloured noise at ${config.data.environment.snrDb.join('/')} dB SNR (p=${config.data.environment.noiseProbability}), gain ${config.data.environment.gainDb.join(' to ')} dB.
- Adam, batch ${config.schedule.batchSize}, lr ${config.schedule.learningRate} with warm-up and cosine decay, ${training.steps} steps;
  early stopping on the digit error rate of ${stoppingSet(trained)} (best round ${training.bestRound + 1}); seed ${config.seed}.
- Wall clock: data ${seconds.data.toFixed(0)} s, training loop ${seconds.training.toFixed(0)} s (CPU ${training.cpuSeconds.toFixed(0)} s over all threads), tfjs ${training.backend} backend.

## Results (greedy decoding)

${blankBiasLine(trained)}

| set | utterances | digits | digit error rate | strings exactly right |
| --- | --- | --- | --- | --- |
${row(config.heldOutSpeaker === null ? 'FSDD test takes 0–4 of the training speakers (test draw)' : `held-out FSDD speaker ${config.heldOutSpeaker} (test draw)`, metrics.heldOut)}
${row(`${stoppingSet(trained)}, validation draw (used for early stopping${blankBiasWasChosen(trained) ? ' and the blank offset' : ''})`, metrics.validation)}
${row('flite voices kal, kal16, awb, rms, slt × 3 tempos/pitches (flite never trained on)', metrics.flite)}
${row('flite voices awb, rms only (speakers festival does not have either)', metrics.fliteUnshared)}

ONNX vs tfjs logits: max |diff| ${runtime.parityMaxAbsDiff.toExponential(1)}. Real-time factor (onnxruntime, 1 thread): ${runtime.realTimeFactor.toFixed(4)}.

## Limitations
- Vocabulary is the ten digit words only; anything else is heard as digits or silence.
- All FSDD speakers are adult men; women's and children's voices are seen only through pitch
  perturbation and synthetic voices. The front end ignores everything above ${FRONT_END.fMax} Hz.
- Trained on isolated recordings joined together: fluent, coarticulated digit strings are
  represented only by synthetic voices.
`;
}

/** Whether training chose the blank offset on the validation draw (`tried` is empty when it was given). */
const blankBiasWasChosen = ({ blankBias }: TrainedSpeechModel) => blankBias.tried.length > 0;

function blankBiasLine(trained: TrainedSpeechModel): string {
  const { blankBias } = trained;
  const signed = `${blankBias.bias >= 0 ? '+' : ''}${blankBias.bias}`;
  if (!blankBiasWasChosen(trained)) return `The blank's logit is offset by ${signed} (given at training time).`;
  // BLANK_BIAS_GRID holds 0, the model as trained.
  const atZero = blankBias.tried.find((t) => t.bias === 0)!;
  const chosen = blankBias.tried.find((t) => t.bias === blankBias.bias)!;
  const [lo, hi] = [blankBias.tried[0]!.bias, blankBias.tried.at(-1)!.bias];
  return `The blank's logit is offset by ${signed}: of the offsets ${lo} to ${hi} tried, the one whose transcripts of the
validation draw have the fewest digit errors (${percent(atZero.digitErrorRate)} without it, ${percent(chosen.digitErrorRate)} with it). It trades the
inserted digits a new voice's pauses cause for a few deletions.`;
}

function syntheticVoices({ config, data }: TrainedSpeechModel): string {
  const { espeakStrings, festivalVariants, festivalStrings, fluentShare } = config.data;
  const festival = festivalVariants * FESTIVAL_VOICES.length;
  const espeak = `${data.syntheticVoices - festival} espeak-ng voices`;
  const voices = festival === 0 ? espeak : `${espeak} and ${festival} festival voices (${FESTIVAL_VOICES.join(', ')}, ${festivalVariants} tempo/pitch/formant variants each)`;
  const perVoice = [espeakStrings > 0 && `${espeakStrings} per espeak-ng voice`, festival > 0 && festivalStrings > 0 && `${festivalStrings} per festival voice`].filter(Boolean);
  return perVoice.length === 0 ? voices : `${voices}; their single words joined, and for ${percent(fluentShare)} of their utterances whole strings spoken in one go (${perVoice.join(', ')})`;
}

function utteranceSpeed([slowest, fastest]: [number, number]): string {
  return slowest === 1 && fastest === 1 ? '' : `speed ×${slowest}–${fastest} (tempo, pitch and formants together), `;
}

function stoppingSet({ config, data }: TrainedSpeechModel): string {
  if (data.validationVoices) return `connected strings of ${data.validationVoices.join(', ')} (never trained on)`;
  return config.heldOutSpeaker === null ? 'the held-out takes' : 'the held-out speaker';
}

function heldOutDescription(speaker: string | null): string {
  return speaker === null
    ? "FSDD's test takes (0–4 of every speaker and digit) held out: no FSDD voice is unseen, so the unseen-speaker measures are flite's and the model README's"
    : `speaker \`${speaker}\` held out entirely`;
}
