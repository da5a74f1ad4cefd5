import { fileURLToPath } from 'node:url';
import { loadSpeechRecognizer } from '@dl-suite/ml-runtime';
import { load, startServiceProcess } from '@dl-suite/service-kit/bench';
import { loadDigitEvaluationSet, transcribeSamples } from '@dl-suite/speech-domain';
import { encodeWav } from '@dl-suite/audio/testing';

const bin = fileURLToPath(new URL('../bin/speech.mjs', import.meta.url));

export interface BenchOptions {
  model: string;
  data: string;
  seconds: number;
  threads: number;
}

export async function runBench(options: BenchOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  log('building 60 connected-digit strings from the FSDD recordings');
  const utterances = await loadDigitEvaluationSet(options.data, { utterances: 60, seed: 3 });
  const audioSeconds = utterances.reduce((s, u) => s + u.samples.length / 16000, 0);

  log(`transcribing ${audioSeconds.toFixed(0)} s of audio in-process (${options.threads} ONNX Runtime threads)`);
  const recognizer = await loadSpeechRecognizer(options.model, { intraOpThreads: options.threads });
  await transcribeSamples(recognizer, utterances[0]!.samples);
  const started = performance.now();
  for (const u of utterances) await transcribeSamples(recognizer, u.samples);
  const rtf = (performance.now() - started) / 1000 / audioSeconds;
  const long = new Float32Array(16000 * 600);
  for (let at = 0, i = 0; at < long.length; i++) {
    const piece = utterances[i % utterances.length]!.samples.subarray(0, long.length - at);
    long.set(piece, at);
    at += piece.length + 8000;
  }
  const longStarted = performance.now();
  const longResult = await transcribeSamples(recognizer, long);
  const longRtf = (performance.now() - longStarted) / 1000 / 600;
  await recognizer.dispose();

  log('starting `speech serve`');
  const service = await startServiceProcess(bin, { MODEL: options.model, ORT_THREADS: String(options.threads) });
  let cursor = 0;
  const bodies = utterances.map((u) => Buffer.from(encodeWav([u.samples], { sampleRate: 16000, encoding: 'pcm', bitDepth: 16 })));
  try {
    log('HTTP, one utterance per request');
    const result = await load({ url: service.url, path: '/v1/transcribe', contentType: 'audio/wav', body: () => bodies[cursor++ % bodies.length]!, connections: 2, seconds: options.seconds });
    if (result.non2xx + result.errors > 0) log(`  ${result.non2xx} non-2xx responses, ${result.errors} errors`);
    const meanSeconds = audioSeconds / utterances.length;
    console.log(`\n## speech bench (${options.model})\n`);
    console.log('| path | audio s per request | requests/s | audio s per s | real-time factor | p50 ms | p99 ms |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(`| in-process, ${utterances.length} strings | ${meanSeconds.toFixed(1)} | | ${(1 / rtf).toFixed(0)} | ${rtf.toFixed(4)} | | |`);
    console.log(`| in-process, one 10-minute recording (${longResult.words.length} words) | 600 | | ${(1 / longRtf).toFixed(0)} | ${longRtf.toFixed(4)} | | |`);
    console.log(`| HTTP POST /v1/transcribe (WAV) | ${meanSeconds.toFixed(1)} | ${result.requests.average.toFixed(1)} | ${(result.requests.average * meanSeconds).toFixed(0)} | ${(1 / (result.requests.average * meanSeconds)).toFixed(4)} | ${result.latency.p50} | ${result.latency.p99} |`);
    console.log('\nTarget: real-time factor ≤ 0.05 on 2 cores.');
  } finally {
    service.stop();
  }
}
