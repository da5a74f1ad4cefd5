import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelFolderError } from './errors';
import { sha256Bytes } from './hashing';
import { loadModelFolder } from './load-model-folder';
import { draftManifest, tempDir } from './test-support/fixtures';
import { writeModelFolder } from './write-model-folder';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const weights = new Uint8Array(1000).map((_, i) => i % 256);

async function writeExample() {
  await writeFile(join(dir, 'tokenizer.json'), '{"vocab":{}}');
  return writeModelFolder(dir, {
    manifest: draftManifest(),
    files: { 'onnx/model.onnx': weights, 'MODEL_CARD.md': '# Tiny\n' },
    existingFiles: ['tokenizer.json'],
  });
}

describe('writeModelFolder / loadModelFolder', () => {
  it('round-trips: writes files and hashes, loads and verifies them', async () => {
    const written = await writeExample();
    expect(written.files).toEqual({
      'MODEL_CARD.md': sha256Bytes('# Tiny\n'),
      'onnx/model.onnx': sha256Bytes(weights),
      'tokenizer.json': sha256Bytes('{"vocab":{}}'),
    });
    expect(written.sizes).toEqual({ 'MODEL_CARD.md': 7, 'onnx/model.onnx': 1000, 'tokenizer.json': 12 });
    expect(await readFile(join(dir, 'onnx/model.onnx'))).toEqual(Buffer.from(weights));

    const loaded = await loadModelFolder(dir);
    expect(loaded.dir).toBe(dir);
    expect(loaded.manifest).toEqual(written);
  });

  it('refuses a tampered file, naming it and both digests', async () => {
    await writeExample();
    const tampered = Buffer.from(weights);
    tampered[500] = (tampered[500]! + 1) % 256;
    await writeFile(join(dir, 'onnx/model.onnx'), tampered);
    const expected = sha256Bytes(weights).slice(0, 12);
    const actual = sha256Bytes(tampered).slice(0, 12);
    await expect(loadModelFolder(dir)).rejects.toThrow(
      `Model folder ${dir}: file onnx/model.onnx failed its sha256 check (expected ${expected}…, got ${actual}…)`,
    );
  });

  it('refuses a truncated file', async () => {
    await writeExample();
    await truncate(join(dir, 'onnx/model.onnx'), 600);
    await expect(loadModelFolder(dir)).rejects.toThrow(/file onnx\/model\.onnx is 600 bytes, expected 1000 \(truncated/);
  });

  it('refuses a truncated file by hash when the manifest has no sizes', async () => {
    const manifest = await writeExample();
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, sizes: undefined }));
    await truncate(join(dir, 'MODEL_CARD.md'), 3);
    await expect(loadModelFolder(dir)).rejects.toThrow(/file MODEL_CARD\.md failed its sha256 check/);
  });

  it('refuses a missing file', async () => {
    await writeExample();
    await rm(join(dir, 'tokenizer.json'));
    await expect(loadModelFolder(dir)).rejects.toThrow(`Model folder ${dir}: file tokenizer.json is missing`);
  });

  it('refuses a folder without manifest.json, or no folder at all', async () => {
    await expect(loadModelFolder(dir)).rejects.toThrow(`Model folder ${dir}: manifest.json is missing or unreadable`);
    await expect(loadModelFolder(join(dir, 'nope'))).rejects.toThrow(ModelFolderError);
  });

  it('refuses manifest.json that is not JSON', async () => {
    await writeFile(join(dir, 'manifest.json'), '{ "name": ');
    await expect(loadModelFolder(dir)).rejects.toThrow(/manifest\.json is not valid JSON/);
  });

  it('refuses an invalid manifest, naming the field', async () => {
    const manifest = await writeExample();
    const { labels: _labels, ...withoutLabels } = manifest;
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...withoutLabels, framework: { ...manifest.framework, opset: 'x' } }));
    const error = await loadModelFolder(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFolderError);
    expect((error as Error).message).toMatch(/manifest\.json is invalid: labels: .*expected array/);
    expect((error as Error).message).toMatch(/framework\.opset: .*expected number/);
  });

  it('refuses to write outside the folder or an invalid draft, before writing anything', async () => {
    await expect(
      writeModelFolder(dir, { manifest: draftManifest(), files: { '../escape.onnx': weights } }),
    ).rejects.toThrow(/refusing file paths .*: \.\.\/escape\.onnx/);
    await expect(
      writeModelFolder(dir, { manifest: { ...draftManifest(), name: '' }, files: { 'model.onnx': weights } }),
    ).rejects.toThrow(/manifest is invalid: name: /);
    await expect(readFile(join(dir, 'model.onnx'))).rejects.toThrow(/ENOENT/);
  });
});
