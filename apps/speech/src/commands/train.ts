import os from 'node:os';
import type { Command } from 'commander';
import { finite, integer } from '@dl-suite/cli';
import { backendOptionsFromEnv, createProgressReporter, selectBackend } from '@dl-suite/ml-training';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';
import { DEFAULT_SCHEDULE, exportSpeechModel, fsddFingerprint, loadDigitEvaluationSet, trainSpeechModel } from '@dl-suite/speech-domain';
import { FSDD_DIR } from '../config';

interface TrainFlags {
  data: string;
  heldOutSpeaker: string;
  validationData?: string;
  maxSteps?: number;
  minutes?: number;
  seed: number;
  threads: number;
  blankBias?: number;
  name: string;
  version: string;
  out: string;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Train the connected-digit CTC model from scratch on FSDD (plus espeak-ng voices, augmented) and write a wav2vec2-style Hugging Face folder.')
    .option('--data <dir>', 'FSDD recordings folder (<digit>_<speaker>_<take>.wav)', FSDD_DIR)
    .option(
      '--held-out-speaker <name>',
      "FSDD speaker never trained on; early stopping and the reported error rate use it. 'none': train on every speaker and hold out FSDD's test takes (0-4) instead",
      'jackson',
    )
    .option(
      '--validation-data <dir>',
      'folder of <digit>_<speaker>_<take>.wav recordings of voices never trained on: early stopping uses them instead of the held-out speaker (or takes)',
    )
    .option('--max-steps <n>', 'training steps at most', integer(1, 1_000_000))
    .option('--minutes <n>', 'wall-clock budget of the training loop (default 25)', integer(1, 24 * 60))
    .option('--seed <n>', 'random seed', integer(1), 7)
    .option('--threads <n>', 'XNNPACK threads of the wasm backend (a training round is ~1.4x faster on 2 than on 1)', integer(1, 256), os.availableParallelism())
    .option('--blank-bias <offset>', "added to the CTC blank's logit in the exported model (default: the offset in -1..3 that decodes the validation strings best)", finite)
    .option('--name <name>', 'model name', 'speech-digits-ctc')
    .option('--version <version>', 'model version', '1.0.0')
    .requiredOption('--out <dir>', 'model folder to write')
    .action(async (flags: TrainFlags) => {
      const backend = await selectBackend({ ...backendOptionsFromEnv(process.env), wasmThreads: flags.threads });
      if (backend.name !== 'tensorflow') registerFastConvKernels(backend.name);
      const training = {
        ...DEFAULT_SCHEDULE,
        ...(flags.maxSteps !== undefined && { maxSteps: flags.maxSteps }),
        ...(flags.minutes !== undefined && { maxMinutes: flags.minutes }),
      };
      // One progress step per evaluation round (stepsPerRound training steps).
      const progress = createProgressReporter({ totalEpochs: Math.ceil(training.maxSteps / training.stepsPerRound), label: flags.name });
      const heldOutSpeaker = flags.heldOutSpeaker === 'none' ? null : flags.heldOutSpeaker;
      const trained = await trainSpeechModel({
        fsddDir: flags.data,
        heldOutSpeaker,
        ...(flags.validationData !== undefined && { validationDir: flags.validationData }),
        seed: flags.seed,
        ...(flags.blankBias !== undefined && { blankBias: flags.blankBias }),
        training,
        onPhase: (name) => process.stderr.write(`== ${name}\n`),
        onRound: (report) => progress.onEpochEnd(report),
      });
      progress.stop();
      const { fingerprint, files } = await fsddFingerprint(flags.data);
      const checkUtterances = await loadDigitEvaluationSet(flags.data, { ...(heldOutSpeaker && { speakers: [heldOutSpeaker] }), split: 'test', utterances: 8, seed: 99 });
      const manifest = await exportSpeechModel(trained, flags.out, {
        checkUtterances,
        data: {
          description: `FSDD recordings (${files} files, ${heldOutSpeaker ? `speaker ${heldOutSpeaker}` : 'takes 0-4 of every speaker'} held out) + espeak-ng voices${flags.validationData ? `; early stopping on ${flags.validationData}` : ''}`,
          fingerprint,
        },
        name: flags.name,
        version: flags.version,
      });
      trained.model.dispose();
      console.log(JSON.stringify({ out: flags.out, seconds: trained.seconds, metrics: manifest.metrics }, null, 2));
    });
}
