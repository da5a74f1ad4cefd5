import { join } from 'node:path';
import type { Command } from 'commander';
import { integer } from '@dl-suite/cli';
import { runBench } from '../../bench/run-bench';
import { BUNDLED_MODEL_DIR, SST2_DIR } from '../config';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Measure sentences/s and latency: raw ONNX Runtime, the in-process pipeline and HTTP (single and batched); prints a table.')
    .option('--model <dir>', 'model folder', BUNDLED_MODEL_DIR)
    .option('--data <file>', 'TSV of sentences to send', join(SST2_DIR, 'dev.tsv'))
    .option('--seconds <n>', 'seconds per measurement', integer(1, 600), 5)
    .action(async (flags: { model: string; data: string; seconds: number }) => {
      await runBench(flags);
    });
}
