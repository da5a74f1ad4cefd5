import type { Command } from 'commander';
import { integer } from '@dl-suite/cli';
import { runBench } from '../../bench/run-bench';
import { BUNDLED_MODEL_DIR, FSDD_DIR } from '../config';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Measure the real-time factor (in-process, short strings and a 10-minute recording) and HTTP throughput; prints a table.')
    .option('--model <dir>', 'model folder', BUNDLED_MODEL_DIR)
    .option('--data <dir>', 'FSDD recordings folder', FSDD_DIR)
    .option('--seconds <n>', 'seconds of HTTP load', integer(1, 600), 10)
    .option('--threads <n>', 'ONNX Runtime threads', integer(1, 64), 2)
    .action(async (flags: { model: string; data: string; seconds: number; threads: number }) => {
      await runBench(flags);
    });
}
