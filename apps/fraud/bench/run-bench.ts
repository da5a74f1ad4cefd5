import { fileURLToPath } from 'node:url';
import { FEATURE_COUNT, FraudScorer, InMemoryFeatureState, buildFeatureMatrix, stateWindows } from '@dl-suite/fraud-domain';
import { load, pacedLoad, startServiceProcess } from '@dl-suite/service-kit/bench';
import { stateBytesPer100kCards } from './state-memory';
import { benchWorkload, requestBody } from './workload';

const BATCH_SIZES = [1, 32, 256];
const bin = fileURLToPath(new URL('../bin/fraud.mjs', import.meta.url));

export interface BenchOptions {
  model: string;
  seconds: number;
}

interface Row {
  what: string;
  batch: number | string;
  txPerSecond: number;
  p50?: number;
  p99?: number;
}

/** Raw ONNX Runtime on the same model, through the same explain() the service runs. */
async function rawThroughput(scorer: FraudScorer, features: Float32Array, batch: number, seconds: number): Promise<number> {
  const rows = features.length / FEATURE_COUNT;
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < deadline) {
    const offset = (done % Math.max(1, rows - batch)) * FEATURE_COUNT;
    await scorer.explain(features.subarray(offset, offset + batch * FEATURE_COUNT));
    done += batch;
  }
  return done / ((performance.now() - started) / 1000);
}

export async function runBench(options: BenchOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  log('simulating a month of transactions');
  const { history, fresh } = benchWorkload();
  const scorer = await FraudScorer.load(options.model);
  const matrix = buildFeatureMatrix([...history, ...fresh], new InMemoryFeatureState(stateWindows(7)), {
    include: (t) => t.timestamp >= fresh[0]!.timestamp,
  });
  const rows: Row[] = [];
  for (const batch of BATCH_SIZES) {
    log(`raw ONNX Runtime, batch ${batch}`);
    rows.push({ what: 'ONNX Runtime in-process (score + reasons)', batch, txPerSecond: await rawThroughput(scorer, matrix.x, batch, options.seconds) });
  }
  await scorer.dispose();

  log('starting `fraud serve` and warming its state with the simulated history');
  const service = await startServiceProcess(bin, { MODEL: options.model });
  try {
    for (let i = 0; i < history.length; i += 1000) {
      const transactions = history.slice(i, i + 1000).map((t) => ({ ...t, timestamp: new Date(t.timestamp).toISOString() }));
      const response = await fetch(`${service.url}/v1/score`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transactions }),
      });
      if (!response.ok) throw new Error(`warm-up request failed: ${response.status} ${await response.text()}`);
    }
    for (const batch of BATCH_SIZES) {
      log(`HTTP, batch ${batch}`);
      const result = await load({ url: service.url, path: '/v1/score', contentType: 'application/json', body: () => requestBody(fresh, batch), connections: batch === 1 ? 16 : 4, seconds: options.seconds });
      if (result.non2xx > 0 || result.errors > 0) log(`  ${result.non2xx} non-2xx responses, ${result.errors} errors`);
      rows.push({ what: 'HTTP POST /v1/score (max throughput)', batch, txPerSecond: result.requests.average * batch, p50: result.latency.p50, p99: result.latency.p99 });
    }
    log('HTTP, single transactions at a fixed 200 requests/s');
    const paced = await pacedLoad({ url: service.url, path: '/v1/score', contentType: 'application/json', body: () => requestBody(fresh, 1), rate: 200, seconds: Math.max(15, options.seconds) });
    if (paced.non2xx > 0 || paced.errors > 0) log(`  ${paced.non2xx} non-2xx responses, ${paced.errors} errors`);
    rows.push({ what: 'HTTP single, open loop at 200 req/s', batch: 1, txPerSecond: paced.perSecond, p50: paced.latency.p50, p99: paced.latency.p99 });
  } finally {
    service.stop();
  }

  log('measuring state memory');
  const perCard = 10;
  const bytes = stateBytesPer100kCards(perCard);

  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits));
  console.log(`\n## fraud bench (${options.model})\n`);
  console.log('| path | batch | transactions/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.batch} | ${fmt(r.txPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} |`);
  console.log(`\nFeature state: ${(bytes / 2 ** 20).toFixed(1)} MiB per 100k cards (${perCard} transactions each in their windows, 10k merchants).`);
  console.log('Targets: ≥ 5,000 transactions/s batched; single-request p99 < 10 ms at 200 requests/s.');
}
