import { Command } from 'commander';
import { registerSimulate } from './commands/simulate';
import { registerTrain } from './commands/train';
import { registerScore } from './commands/score';
import { registerEvaluate } from './commands/evaluate';
import { registerServe } from './commands/serve';
import { registerBench } from './commands/bench';


const program = new Command('fraud')
  .description('Transaction fraud detection: simulate data, train and evaluate models, score files, serve an API.')
  .showHelpAfterError()
  .configureOutput({ outputError: (message, write) => write(`\n${message}`) });

for (const register of [registerSimulate, registerTrain, registerScore, registerEvaluate, registerServe, registerBench]) {
  register(program);
}

try {
  await program.parseAsync();
} catch (error) {
  // Expected failures (bad flags, unreadable files, invalid data) get one clear line, not a stack trace.
  console.error(`fraud: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env['DEBUG']) console.error(error);
  process.exitCode = 1;
}
