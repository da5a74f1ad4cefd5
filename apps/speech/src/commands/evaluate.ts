import { integer } from '@dl-suite/cli';
import { loadSpeechRecognizer } from '@dl-suite/ml-runtime';
import { Option, type Command } from 'commander';
import { evaluateRecognizerOnDigits, loadDigitEvaluationSet, type FsddSplit } from '@dl-suite/speech-domain';

interface EvaluateFlags {
  model: string;
  data: string;
  speakers?: string;
  split?: FsddSplit;
  utterances: number;
  seed: number;
  allowRemote: boolean;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('Digit error rate and string accuracy of a model folder on connected digit strings, through the served pipeline; prints JSON.')
    .requiredOption('--model <dir>', 'model folder (or a hub id with --allow-remote)')
    .requiredOption('--data <dir>', 'an FSDD recordings folder (connected strings are built from its single digits), or a folder of <digits>_*.wav files')
    .option('--speakers <names>', 'FSDD folders: comma-separated speakers to use (e.g. the held-out one)')
    .addOption(new Option('--split <side>', "FSDD folders: only FSDD's test takes (0-4) or its training takes (5-49)").choices(['test', 'train']))
    .option('--utterances <n>', 'FSDD folders: connected strings to build', integer(1, 100_000), 200)
    .option('--seed <n>', 'FSDD folders: seed of the strings', integer(0), 7)
    .option('--allow-remote', 'allow a Hugging Face hub id for --model (downloads it)', false)
    .action(async (flags: EvaluateFlags) => {
      const utterances = await loadDigitEvaluationSet(flags.data, {
        utterances: flags.utterances,
        seed: flags.seed,
        ...(flags.split && { split: flags.split }),
        ...(flags.speakers && { speakers: flags.speakers.split(',').map((s) => s.trim()) }),
      });
      const recognizer = await loadSpeechRecognizer(flags.model, { allowRemote: flags.allowRemote });
      try {
        const scores = await evaluateRecognizerOnDigits(recognizer, utterances);
        const model = recognizer.manifest ? `${recognizer.manifest.name}@${recognizer.manifest.version}` : recognizer.source;
        console.log(JSON.stringify({ model, data: flags.data, ...scores }, null, 2));
      } finally {
        await recognizer.dispose();
      }
    });
}
