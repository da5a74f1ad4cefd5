import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { architectureSchema, augmentationSchema, buildImageClassifier, createAugmenter, fitNormalization, imagesTensor, oneHotTensor, readMedMnist, type ImageSet } from '@dl-suite/imaging';
import { loadImageClassifier, loadModelFolder, OnnxModel, type PixelImage } from '@dl-suite/ml-runtime';
import { createRng, selectBackend } from '@dl-suite/ml-training';
import { itemsPerSecond, load, pacedLoad, startServiceProcess } from '@dl-suite/service-kit/bench';
import { registerFastConvKernels } from '@dl-suite/tfjs-kernels';


const bin = fileURLToPath(new URL('../bin/medical-imaging.mjs', import.meta.url));

export interface BenchOptions {
  model: string;
  data: string;
  seconds: number;
  /** Skip the training-epoch measurement (it takes a few minutes with warm-up). */
  skipTraining: boolean;
}

interface Row {
  what: string;
  batch: number | string;
  imagesPerSecond: number;
  p50?: number;
  p99?: number;
}

export async function runBench(options: BenchOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const file = await readMedMnist(options.data);
  const train = file.splits.train;
  const val = file.splits.val;
  if (!train || !val) throw new Error(`${options.data}: the bench needs train and val splits`);
  const { manifest } = await loadModelFolder(options.model);
  const architecture = architectureSchema.parse((manifest.hyperparameters as { architecture?: unknown }).architecture ?? {});

  const epoch = options.skipTraining ? undefined : await epochSeconds(train, architecture, log);
  const rows: Row[] = [];

  log('raw ONNX Runtime (1 thread, as the service runs it)');
  const onnx = await OnnxModel.load(options.model, { intraOpThreads: 1 });
  for (const batch of [1, 256]) {
    const pixels = new Float32Array(batch * 3 * val.height * val.width).map(() => Math.random() - 0.5);
    const rate = await itemsPerSecond(options.seconds, batch, () => onnx.runFloat('pixel_values', pixels, [batch, 3, val.height, val.width]));
    rows.push({ what: 'ONNX Runtime in-process', batch, imagesPerSecond: rate });
  }
  await onnx.dispose();

  log('transformers.js pipeline in-process (preprocessing + ONNX Runtime)');
  const classifier = await loadImageClassifier(options.model, { intraOpThreads: 1 });
  const images: PixelImage[] = Array.from({ length: val.count }, (_, i) => pixelImage(val, i));
  for (const batch of [1, 256]) {
    let next = 0;
    const rate = await itemsPerSecond(options.seconds, batch, () => classifier.probabilities(Array.from({ length: batch }, () => images[next++ % images.length] as PixelImage)));
    rows.push({ what: 'pipeline in-process', batch, imagesPerSecond: rate });
  }
  await classifier.dispose();

  const pngs = await Promise.all(images.map((image) => sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: 1 } }).png().toBuffer()));
  let cursor = 0;
  const nextPng = () => pngs[cursor++ % pngs.length] as Buffer;
  log('starting `medical-imaging serve`');
  const service = await startServiceProcess(bin, { MODEL: options.model });
  try {
    log('HTTP, single 28 px PNGs, as fast as answered');
    const single = await load({ url: service.url, path: '/v1/predict', contentType: 'image/png', body: nextPng, connections: 8, seconds: options.seconds });
    rows.push({ what: 'HTTP POST /v1/predict, one PNG', batch: 1, imagesPerSecond: single.requests.average, p50: single.latency.p50, p99: single.latency.p99 });
    log('HTTP, single PNGs at a fixed 100 requests/s');
    const paced = await pacedLoad({ url: service.url, path: '/v1/predict', contentType: 'image/png', body: nextPng, rate: 100, seconds: Math.max(15, options.seconds) });
    rows.push({ what: 'HTTP one PNG, open loop at 100 req/s', batch: 1, imagesPerSecond: paced.perSecond, p50: paced.latency.p50, p99: paced.latency.p99 });
    const batch = 64;
    const boundary = 'bench-boundary';
    log(`HTTP, multipart batches of ${batch}`);
    const batched = await load({
      url: service.url,
      path: '/v1/predict',
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: () => multipart(Array.from({ length: batch }, nextPng), boundary),
      connections: 4,
      seconds: options.seconds,
    });
    rows.push({ what: 'HTTP POST /v1/predict, multipart', batch, imagesPerSecond: batched.requests.average * batch, p50: batched.latency.p50, p99: batched.latency.p99 });
    for (const result of [single, paced, batched]) if (result.non2xx + result.errors > 0) log(`  ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  } finally {
    service.stop();
  }

  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits));
  console.log(`\n## medical-imaging bench (${manifest.name}@${manifest.version})\n`);
  if (epoch) {
    console.log(`Training: ${epoch.seconds.toFixed(1)} s per epoch (${train.count} images, batch 64, filters ${architecture.filters.join('/')}, ${epoch.backend}), plus ${epoch.augmentSeconds.toFixed(1)} s of augmentation.`);
    console.log('Target: ≤ 13 s per epoch (3× PyTorch on the same 2 cores).\n');
  }
  console.log('| path | batch | images/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.batch} | ${fmt(r.imagesPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} |`);
  console.log('\nTarget: ≥ 1,000 images/s batched through HTTP.');
}

async function epochSeconds(train: ImageSet, architecture: ReturnType<typeof architectureSchema.parse>, log: (line: string) => void) {
  const backend = await selectBackend({ log: () => undefined });
  if (backend.name !== 'tensorflow') registerFastConvKernels(backend.name);
  log(`training one epoch on ${backend.name} (after a 3-batch warm-up)`);
  const normalization = fitNormalization(train);
  const model = buildImageClassifier(train, 2, architecture, 1);
  const x = imagesTensor(train, normalization);
  const y = oneHotTensor(train.labels, 2);
  const augment = createAugmenter(augmentationSchema.parse({}), createRng(1), normalization.std[0] ?? 1);
  const warm = [x.slice(0, 192), y.slice(0, 192)] as const;
  await model.fit(warm[0], warm[1], { batchSize: 64, epochs: 1, verbose: 0 });
  const augmentStarted = performance.now();
  augment(x).dispose();
  const augmentSeconds = (performance.now() - augmentStarted) / 1000;
  const started = performance.now();
  await model.fit(x, y, { batchSize: 64, epochs: 1, verbose: 0, shuffle: true });
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([x, y, ...warm]);
  model.dispose();
  return { seconds, augmentSeconds, backend: backend.name };
}


function pixelImage(set: ImageSet, i: number): PixelImage {
  const size = set.height * set.width * set.channels;
  return { data: set.images.subarray(i * size, (i + 1) * size), width: set.width, height: set.height, channels: set.channels };
}

function multipart(files: Buffer[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  files.forEach((png, i) => {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${i}.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from('\r\n'));
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
