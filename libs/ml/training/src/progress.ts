import { createRequire } from 'node:module';
import type { BatchReport, EpochReport } from './train';

/** The part of a writable stream the reporter uses; a fake with `write` suffices in tests. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressReporterOptions {
  totalEpochs: number;
  stream?: ProgressStream;
  /** Prefix of every line, e.g. the app name. */
  label?: string;
}

/** Plug onEpochEnd/onBatchEnd into trainModel; call stop() when training returns. */
export interface ProgressReporter {
  onEpochEnd(report: EpochReport): void;
  onBatchEnd(report: BatchReport): void;
  phase(name: string): void;
  stop(): void;
}

/** The subset of cli-progress we use: it ships no types and @types/cli-progress is not installed. */
interface Bar {
  start(total: number, value: number, payload: Record<string, string>): void;
  update(value: number, payload: Record<string, string>): void;
  stop(): void;
}
type BarConstructor = new (options: Record<string, unknown>, preset: unknown) => Bar;
interface CliProgress {
  SingleBar: BarConstructor;
  Presets: { shades_classic: unknown };
}

/**
 * A progress bar on a TTY; anywhere else (CI logs, pipes) exactly one line per epoch, because
 * bar redraws would turn a log file into noise.
 */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const { totalEpochs, stream = process.stderr, label = 'train' } = options;
  if (!stream.isTTY) {
    return {
      onEpochEnd: (report) => stream.write(`${formatEpochLine(label, report)}\n`),
      onBatchEnd: () => undefined,
      phase: (name) => phase(name, stream),
      stop: () => undefined,
    };
  }

  const cliProgress = createRequire(import.meta.url)('cli-progress') as CliProgress;
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {percentage}% | epoch {epoch}/${totalEpochs} {batch} | {metrics} | ETA {eta_formatted}` },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  let metrics = '';
  const show = (value: number, payload: { epoch: number; batch: string }): void => {
    const fields = { epoch: String(payload.epoch), batch: payload.batch, metrics };
    if (running) bar.update(value, fields);
    else bar.start(totalEpochs, value, fields);
    running = true;
  };
  const stop = (): void => {
    if (running) bar.stop();
    running = false;
  };
  return {
    onEpochEnd: (report) => {
      metrics = formatMetrics(report);
      show(report.epoch + 1, { epoch: report.epoch + 1, batch: '' });
    },
    onBatchEnd: ({ epoch, batch, batches }) => {
      show(epoch + (batch + 1) / batches, { epoch: epoch + 1, batch: `batch ${batch + 1}/${batches}` });
    },
    phase: (name) => {
      stop();
      phase(name, stream);
    },
    stop,
  };
}

/** A phase line for CLIs: "== loading data". */
export function phase(name: string, stream: ProgressStream = process.stderr): void {
  stream.write(`== ${name}\n`);
}

/** "fraud epoch 3/20 loss=0.2314 val_loss=0.2511 val_auc=0.9342 lr=1.00e-3 1.2s *" (* marks a new best). */
export function formatEpochLine(label: string, report: EpochReport): string {
  return `${label} epoch ${report.epoch + 1}/${report.epochs} ${formatMetrics(report)}${report.improved ? ' *' : ''}`;
}

function formatMetrics({ metrics, learningRate, seconds }: EpochReport): string {
  // loss first, then training metrics, then validation ones: the order people scan a log in.
  const keys = Object.keys(metrics).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const parts = keys.map((key) => `${key}=${formatNumber(metrics[key] as number)}`);
  if (learningRate !== undefined) parts.push(`lr=${learningRate.toExponential(2)}`);
  parts.push(`${seconds.toFixed(1)}s`);
  return parts.join(' ');
}

function rank(key: string): number {
  if (key === 'loss') return 0;
  if (key === 'val_loss') return 2;
  return key.startsWith('val_') ? 3 : 1;
}

function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude === 0 || (magnitude >= 1e-3 && magnitude < 1e5) ? value.toFixed(4) : value.toExponential(2);
}
