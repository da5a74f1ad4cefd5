import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, sourceHash } from './ui-build';

let root: string;
let dir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'console-ui-'));
  dir = join(root, 'web');
  await mkdir(dir);
  await writeFile(join(dir, 'index.html'), '<!doctype html><script type="module" src="/main.ts"></script>');
  await writeFile(join(dir, 'main.ts'), 'const greeting: string = "hello";\ndocument.title = greeting;\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('ensureUiBuilt', () => {
  it('builds with Vite, skips an up-to-date build, and rebuilds after a source edit', async () => {
    const out = join(root, 'dist');
    expect((await ensureUiBuilt(dir, out)).built).toBe(true);
    const assets = await readdir(join(out, 'assets'));
    expect(assets).toEqual([expect.stringMatching(/^index-[\w-]+\.js$/)]);
    expect(await readFile(join(out, 'assets', assets[0]!), 'utf8')).toContain('hello');

    expect((await ensureUiBuilt(dir, out)).built).toBe(false);

    const before = await sourceHash(dir);
    await writeFile(join(dir, 'main.ts'), 'document.title = "changed";\n');
    expect(await sourceHash(dir)).not.toBe(before);
    expect((await ensureUiBuilt(dir, out)).built).toBe(true);
    expect(await readFile(join(out, 'assets', (await readdir(join(out, 'assets')))[0]!), 'utf8')).toContain('changed');
  });
});
