import { Command } from 'commander';
import { runCli } from '@dl-suite/cli';
import { registerSimulate } from './commands/simulate';
import { registerTrain } from './commands/train';
import { registerScore } from './commands/score';
import { registerEvaluate } from './commands/evaluate';
import { registerServe } from './commands/serve';
import { registerBench } from './commands/bench';

const program = new Command('fraud').description(
  'Transaction fraud detection: simulate data, train and evaluate models, score files, serve an API.',
);

for (const register of [registerSimulate, registerTrain, registerScore, registerEvaluate, registerServe, registerBench]) {
  register(program);
}

await runCli(program);
