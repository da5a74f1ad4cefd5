import { Command } from 'commander';
import { runCli } from '@dl-suite/cli';
import { registerBench } from './commands/bench';
import { registerEvaluate } from './commands/evaluate';
import { registerServe } from './commands/serve';
import { registerTrain } from './commands/train';

const program = new Command('sentiment').description(
  'Sentence sentiment: train a tokenizer and text CNN from scratch, evaluate model folders, serve an API with per-word explanations.',
);

for (const register of [registerTrain, registerEvaluate, registerServe, registerBench]) register(program);

await runCli(program);
