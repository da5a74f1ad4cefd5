import { fileURLToPath } from 'node:url';
import { readLabelledTsv } from '@dl-suite/sentiment-domain';
import { loadHfTokenizer, loadTextClassifier, OnnxModel } from '@dl-suite/ml-runtime';
import { itemsPerSecond, load, pacedLoad, startServiceProcess } from '@dl-suite/service-kit/bench';

const bin = fileURLToPath(new URL('../bin/sentiment.mjs', import.meta.url));
const BATCH = 64;

export interface BenchOptions {
  model: string;
  /** Sentences to send: a labelled TSV (labels unused). */
  data: string;
  seconds: number;
}

interface Row {
  what: string;
  batch: number;
  perSecond: number;
  p50?: number;
  p99?: number;
}

export async function runBench(options: BenchOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const { texts } = await readLabelledTsv(options.data);
  const rows: Row[] = [];
  let cursor = 0;
  const nextTexts = (n: number) => Array.from({ length: n }, () => texts[cursor++ % texts.length] as string);

  log('raw ONNX Runtime on pre-tokenised ids (1 thread, as the service runs it)');
  const tokenizer = await loadHfTokenizer(options.model);
  const onnx = await OnnxModel.load(options.model, { intraOpThreads: 1 });
  for (const batch of [1, BATCH]) {
    const { inputIds, attentionMask } = tokenizer.encodeBatch(nextTexts(batch));
    const width = inputIds[0]?.length ?? 0;
    const feeds = {
      input_ids: { data: BigInt64Array.from(inputIds.flat(), BigInt), dims: [batch, width] },
      attention_mask: { data: BigInt64Array.from(attentionMask.flat(), BigInt), dims: [batch, width] },
    };
    rows.push({ what: 'ONNX Runtime in-process (ids ready)', batch, perSecond: await itemsPerSecond(options.seconds, batch, () => onnx.run(feeds)) });
  }
  await onnx.dispose();

  log('transformers.js pipeline in-process (tokenise + pad + ONNX Runtime + softmax)');
  const classifier = await loadTextClassifier(options.model, { intraOpThreads: 1 });
  for (const batch of [1, BATCH]) rows.push({ what: 'pipeline in-process', batch, perSecond: await itemsPerSecond(options.seconds, batch, () => classifier.classify(nextTexts(batch))) });
  await classifier.dispose();

  log('starting `sentiment serve`');
  const service = await startServiceProcess(bin, { MODEL: options.model });
  try {
    const single = () => JSON.stringify({ text: nextTexts(1)[0] });
    log('HTTP, single sentences, as fast as answered');
    const fast = await load({ url: service.url, path: '/v1/predict', contentType: 'application/json', body: single, connections: 8, seconds: options.seconds });
    rows.push({ what: 'HTTP POST /v1/predict {text}', batch: 1, perSecond: fast.requests.average, p50: fast.latency.p50, p99: fast.latency.p99 });
    log('HTTP, single sentences at a fixed 200 requests/s');
    const paced = await pacedLoad({ url: service.url, path: '/v1/predict', contentType: 'application/json', body: single, rate: 200, seconds: Math.max(15, options.seconds) });
    rows.push({ what: 'HTTP {text}, open loop at 200 req/s', batch: 1, perSecond: paced.perSecond, p50: paced.latency.p50, p99: paced.latency.p99 });
    log(`HTTP, batches of ${BATCH}`);
    const batched = await load({ url: service.url, path: '/v1/predict', contentType: 'application/json', body: () => JSON.stringify({ texts: nextTexts(BATCH) }), connections: 4, seconds: options.seconds });
    rows.push({ what: 'HTTP POST /v1/predict {texts}', batch: BATCH, perSecond: batched.requests.average * BATCH, p50: batched.latency.p50, p99: batched.latency.p99 });
    for (const result of [fast, paced, batched]) if (result.non2xx + result.errors > 0) log(`  ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  } finally {
    service.stop();
  }

  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits));
  console.log(`\n## sentiment bench (${options.model})\n`);
  console.log('| path | batch | sentences/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.batch} | ${fmt(r.perSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} |`);
  console.log('\nTargets: ≥ 2,000 sentences/s batched; single-request p99 < 20 ms.');
}
