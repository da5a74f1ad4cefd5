import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunningService } from '@dl-suite/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SST2_DIR } from './config';
import { serve } from './main';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/sentiment.mjs', import.meta.url));
let dir: string;

function cli(...args: string[]) {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 32 * 2 ** 20 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentiment-cli-'));
  const head = async (file: string, rows: number) => (await readFile(file, 'utf8')).split('\n').slice(0, rows + 1).join('\n');
  await writeFile(join(dir, 'train.tsv'), await head(join(SST2_DIR, 'train.tsv'), 5000));
  await writeFile(join(dir, 'dev.tsv'), await head(join(SST2_DIR, 'dev.tsv'), 200));
  // A three-word stand-in for GloVe 6B 100d (the real 307 MB file is only for `nx run sentiment:train`).
  const vector = (sign: number) => Array.from({ length: 100 }, (_, i) => (sign * Math.sin(i + sign)).toFixed(3)).join(' ');
  await writeFile(join(dir, 'vectors.txt'), ['good', 'bad', 'film'].map((word, i) => `${word} ${vector(i - 1)}`).join('\n'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sentiment CLI', () => {
  it('has --help on every command', async () => {
    for (const command of ['train', 'evaluate', 'serve', 'bench']) {
      expect((await cli(command, '--help')).stdout).toContain(`Usage: sentiment ${command}`);
    }
  });

  it('refuses a --recipe with a misspelt field or an invalid value before training', async () => {
    const train = (recipe: string) => cli('train', '--recipe', recipe, '--out', join(dir, 'never-written'));
    await expect(train('{"kernelSize":[2]}')).rejects.toMatchObject({ stderr: expect.stringContaining('unknown recipe fields: kernelSize') });
    await expect(train('{"embeddingDecay":-1}')).rejects.toMatchObject({ stderr: expect.stringContaining('embeddingDecay') });
    await expect(train('[1]')).rejects.toMatchObject({ stderr: expect.stringContaining('expected a JSON object of recipe fields') });
  });

  it('trains a second model folder, evaluates it, and `serve` swaps it in by MODEL alone', async () => {
    const out = join(dir, 'model');
    const trained = JSON.parse(
      (await cli('train', '--train', join(dir, 'train.tsv'), '--dev', join(dir, 'dev.tsv'), '--vocab-size', '1500', '--max-length', '40', '--epochs', '2', '--recipe', '{"epochs":3,"embeddingDecay":0.001}', '--word-vectors', join(dir, 'vectors.txt'), '--name', 'swapped', '--out', out)).stdout,
    );
    expect(trained.dev.accuracy).toBeGreaterThan(0.55);
    // --recipe fields reach the recipe; a flag that is given wins over them.
    const { hyperparameters } = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(hyperparameters).toMatchObject({ embeddingDecay: 0.001, epochs: 2, vocabSize: 1500 });
    const evaluated = JSON.parse((await cli('evaluate', '--model', out, '--data', join(dir, 'dev.tsv'))).stdout);
    expect(evaluated.accuracy).toBeCloseTo(trained.dev.accuracy, 5);
    expect(evaluated.confusionMatrix).toHaveLength(2);

    let running: RunningService | undefined;
    try {
      running = await serve(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', MODEL: out }), { handleSignals: false });
      const body: any = await (
        await fetch(`${running.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'good' }) })
      ).json();
      expect(body.model).toBe('swapped@1.0.0');
    } finally {
      await running?.close();
    }
  }, 300_000);

  it('names the file and line of a bad TSV row, without a stack trace', async () => {
    const bad = join(dir, 'bad.tsv');
    await writeFile(bad, 'sentence\tlabel\ngood film\t1\nbad film\tmaybe\n');
    const failure = await cli('evaluate', '--model', join(dir, 'model'), '--data', bad).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/bad\.tsv.*3/);
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
