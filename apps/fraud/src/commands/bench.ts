import type { Command } from 'commander';
import { runBench } from '../../bench/run-bench';
import { BUNDLED_MODEL_DIR } from '../config';
import { integer } from '@dl-suite/cli';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Measure scoring throughput and latency (raw ONNX Runtime and HTTP) and state memory; prints a table.')
    .option('--model <dir>', 'model folder', BUNDLED_MODEL_DIR)
    .option('--seconds <n>', 'seconds per measurement', integer(1, 600), 5)
    .action(async (flags: { model: string; seconds: number }) => {
      await runBench(flags);
    });
}
