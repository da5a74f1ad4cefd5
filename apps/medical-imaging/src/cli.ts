import { Command } from 'commander';
import { runCli } from '@dl-suite/cli';
import { registerBench } from './commands/bench';
import { registerEvaluate } from './commands/evaluate';
import { registerServe } from './commands/serve';
import { registerTrain } from './commands/train';

const program = new Command('medical-imaging').description(
  'Chest X-ray classification (a demonstration, not a medical device): train and evaluate CNNs, serve an API with saliency maps.',
);

for (const register of [registerTrain, registerEvaluate, registerServe, registerBench]) register(program);

await runCli(program);
