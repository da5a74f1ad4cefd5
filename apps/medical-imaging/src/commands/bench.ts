import type { Command } from 'commander';
import { integer } from '@dl-suite/cli';
import { runBench } from '../../bench/run-bench';
import { BUNDLED_MODEL_DIR, DEFAULT_DATA } from '../config';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Measure training seconds per epoch, and inference throughput and latency (raw ONNX Runtime, pipeline, HTTP); prints a table.')
    .option('--model <dir>', 'model folder', BUNDLED_MODEL_DIR)
    .option('--data <file>', 'PneumoniaMNIST .npz (train + val)', DEFAULT_DATA)
    .option('--seconds <n>', 'seconds per measurement', integer(1, 600), 5)
    .option('--skip-training', 'skip the seconds-per-epoch measurement', false)
    .action(async (flags: { model: string; data: string; seconds: number; skipTraining: boolean }) => {
      await runBench(flags);
    });
}
