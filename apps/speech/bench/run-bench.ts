import { fileURLToPath } from 'node:url';
import { loadSpeechRecognizer, OnnxModel } from '@dl-suite/ml-runtime';
import { load, startServiceProcess } from '@dl-suite/service-kit/bench';
import { loadDigitEvaluationSet, transcribeSamples, type Utterance } from '@dl-suite/speech-domain';
import { encodeWav } from '@dl-suite/audio/testing';

const bin = fileURLToPath(new URL('../bin/speech.mjs', import.meta.url));
const SAMPLE_RATE = 16000;
/** File lengths of the real-time-factor rows, and how many times each is transcribed. */
const FILES = [
  { seconds: 1, runs: 30 },
  { seconds: 10, runs: 10 },
  { seconds: 60, runs: 3 },
];
// Up to the service's default MAX_QUEUE (32): more concurrent requests than that are refused by design (503).
const CONCURRENCY = [1, 4, 16, 32];
const CONCURRENT_FILE_SECONDS = 10;

export interface BenchOptions {
  model: string;
  data: string;
  seconds: number;
  threads: number;
}

/** `seconds` of connected-digit strings separated by 0.5 s pauses (the last one cut at the end). */
function recording(utterances: readonly Utterance[], seconds: number): Float32Array {
  const samples = new Float32Array(SAMPLE_RATE * seconds);
  for (let at = 0, i = 0; at < samples.length; i++) {
    const piece = utterances[i % utterances.length]!.samples.subarray(0, samples.length - at);
    samples.set(piece, at);
    at += piece.length + SAMPLE_RATE / 2;
  }
  return samples;
}

const wav = (samples: Float32Array) => Buffer.from(encodeWav([samples], { sampleRate: SAMPLE_RATE, encoding: 'pcm', bitDepth: 16 }));

async function medianSeconds(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function runBench(options: BenchOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  log('building connected-digit strings from the FSDD recordings');
  const utterances = await loadDigitEvaluationSet(options.data, { utterances: 60, seed: 3 });
  const files = FILES.map((f) => ({ ...f, samples: recording(utterances, f.seconds) }));
  const rtf = (seconds: number, audioSeconds: number) => (seconds / audioSeconds).toFixed(4);
  const lines: string[] = [];

  log(`in-process: transformers.js pipeline and raw ONNX Runtime (${options.threads} threads)`);
  const recognizer = await loadSpeechRecognizer(options.model, { intraOpThreads: options.threads });
  const onnx = await OnnxModel.load(options.model, { intraOpThreads: options.threads, warmup: { input_values: { dims: [1, SAMPLE_RATE], dtype: 'float32' } } });
  for (const { seconds, runs, samples } of files) {
    const pipeline = await medianSeconds(runs, () => transcribeSamples(recognizer, samples));
    const raw = await medianSeconds(runs, () => onnx.runFloat('input_values', samples, [1, samples.length]));
    lines.push(`| ${seconds} s file | in-process: segmentation + pipeline + word timings | 1 | ${rtf(pipeline, seconds)} | ${(seconds / pipeline).toFixed(0)} | | |`);
    lines.push(`| ${seconds} s file | in-process: raw ONNX Runtime, logits only | 1 | ${rtf(raw, seconds)} | ${(seconds / raw).toFixed(0)} | | |`);
  }
  await recognizer.dispose();
  await onnx.dispose();

  log('starting `speech serve`');
  const service = await startServiceProcess(bin, { MODEL: options.model, ORT_THREADS: String(options.threads), LOG_LEVEL: 'fatal' });
  try {
    for (const { seconds, runs, samples } of files) {
      log(`HTTP, ${seconds} s file, one request at a time`);
      const body = wav(samples);
      const latency = await medianSeconds(runs, async () => {
        const response = await fetch(`${service.url}/v1/transcribe`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body });
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      });
      lines.push(`| ${seconds} s file | HTTP POST /v1/transcribe (WAV) | 1 | ${rtf(latency, seconds)} | ${(seconds / latency).toFixed(0)} | ${(latency * 1000).toFixed(0)} | |`);
    }
    const tenSeconds = wav(files.find((f) => f.seconds === CONCURRENT_FILE_SECONDS)!.samples);
    let sustained = 0;
    for (const connections of CONCURRENCY) {
      log(`HTTP, ${connections} concurrent ${CONCURRENT_FILE_SECONDS} s requests`);
      const result = await load({ url: service.url, path: '/v1/transcribe', contentType: 'audio/wav', body: () => tenSeconds, connections, seconds: options.seconds });
      const failed = result.non2xx + result.errors;
      // Every request finished within the duration of its audio (p99 as "every"), none refused.
      if (failed === 0 && result.latency.p99 < CONCURRENT_FILE_SECONDS * 1000) sustained = connections;
      const note = failed > 0 ? ` (${failed} failed)` : '';
      lines.push(`| ${CONCURRENT_FILE_SECONDS} s files${note} | HTTP, concurrent requests | ${connections} | ${rtf(result.latency.p99 / 1000, CONCURRENT_FILE_SECONDS)} (p99) | ${(result.requests.average * CONCURRENT_FILE_SECONDS).toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} |`);
    }
    console.log(`\n## speech bench (${options.model}, ${options.threads} ONNX Runtime threads)\n`);
    console.log('| audio | path | concurrent | real-time factor | audio s per s | p50 ms | p99 ms |');
    console.log('|---|---|---|---|---|---|---|');
    for (const line of lines) console.log(line);
    console.log(`\nConcurrent ${CONCURRENT_FILE_SECONDS} s requests sustained at real-time factor < 1 (p99 under ${CONCURRENT_FILE_SECONDS} s, none refused): ${sustained > 0 ? `at least ${sustained}` : 'none'} of ${CONCURRENCY.join(', ')} tried.`);
    console.log('Target: real-time factor ≤ 0.05 on 2 cores.');
  } finally {
    service.stop();
  }
}
