import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from './config';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/medical-imaging.mjs', import.meta.url));
let dir: string;

function cli(...args: string[]) {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 32 * 2 ** 20 });
}

function failure(...args: string[]): Promise<{ code: number; stderr: string }> {
  return cli(...args).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imaging-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('medical-imaging CLI', () => {
  it('has --help on every command', async () => {
    for (const command of ['train', 'evaluate', 'serve', 'bench']) {
      const { stdout } = await cli(command, '--help');
      expect(stdout).toContain(`Usage: medical-imaging ${command}`);
    }
  });

  it('trains on the real PneumoniaMNIST file, writes folder + report, and evaluate reproduces the validation numbers', async () => {
    const out = join(dir, 'model');
    const trained = JSON.parse(
      (await cli('train', '--data', DEFAULT_DATA, '--filters', '4,8', '--epochs', '1', '--no-augment', '--name', 'cli-cnn', '--out', out)).stdout,
    );
    expect(trained.validation.roc_auc).toBeGreaterThan(0.8);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.name).toBe('cli-cnn');
    expect(manifest.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const report = await readFile(join(out, 'report', 'report.md'), 'utf8');
    for (const plot of ['roc.svg', 'confusion-matrix.svg', 'calibration.svg']) expect(report).toContain(plot);

    const evaluated = JSON.parse((await cli('evaluate', '--model', out, '--data', DEFAULT_DATA, '--split', 'val')).stdout);
    expect(evaluated.images).toBe(524);
    expect(evaluated.roc_auc).toBeCloseTo(trained.validation.roc_auc, 3);
    expect(evaluated.accuracy).toBeCloseTo(trained.validation.accuracy, 3);
    expect(evaluated.confusion_matrix.labels).toEqual(['normal', 'pneumonia']);
  }, 300_000);

  it('evaluates an image folder against the model labels', async () => {
    const folder = join(dir, 'folder');
    for (const [name, level] of [['normal', 40], ['pneumonia', 200]] as const) {
      await mkdir(join(folder, name), { recursive: true });
      const png = await sharp(Buffer.alloc(64 * 64, level), { raw: { width: 64, height: 64, channels: 1 } }).png().toBuffer();
      await writeFile(join(folder, name, 'a.png'), png);
    }
    const evaluated = JSON.parse((await cli('evaluate', '--model', join(dir, 'model'), '--data', folder)).stdout);
    expect(evaluated.images).toBe(2);
  }, 120_000);

  it('fails with one line naming the problem, never a stack trace', async () => {
    const missing = await failure('evaluate', '--model', join(dir, 'model'), '--data', DEFAULT_DATA, '--split', 'test');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('has no test split');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const notZip = join(dir, 'bad.npz');
    await writeFile(notZip, 'not a zip');
    const corrupt = await failure('train', '--data', notZip, '--out', join(dir, 'x'));
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toContain(notZip);
    const badSplit = await failure('evaluate', '--model', 'x', '--data', notZip, '--split', 'dev');
    expect(badSplit.stderr).toContain('expected one of train, val, test');
  }, 120_000);
});
