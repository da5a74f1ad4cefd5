import { Command } from 'commander';
import { runCli } from '@dl-suite/cli';
import { registerBench } from './commands/bench';
import { registerEvaluate } from './commands/evaluate';
import { registerServe } from './commands/serve';
import { registerTrain } from './commands/train';
import { registerTranscribe } from './commands/transcribe';

const program = new Command('speech').description(
  'Speech transcription: train a connected-digit CTC model from scratch, evaluate it, transcribe files, serve an API with word timings.',
);

for (const register of [registerTrain, registerEvaluate, registerTranscribe, registerServe, registerBench]) register(program);

await runCli(program);
