import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));
export const DIST_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
const STAMP = '.source-hash';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Hash of every web source file's path and bytes: any edit, addition or removal changes it. */
export async function sourceHash(webDir = WEB_DIR): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await filesUnder(webDir)) hash.update(relative(webDir, file)).update('\0').update(await readFile(file));
  return hash.digest('hex');
}

/**
 * Builds the web UI with Vite unless `outDir` already holds a build of exactly these sources.
 * A fresh clone has no build, so `npm start` builds it once (about 1 s); nothing built is committed.
 */
export async function ensureUiBuilt(webDir = WEB_DIR, outDir = DIST_DIR): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const hash = await sourceHash(webDir);
  const stamp = await readFile(join(outDir, STAMP), 'utf8').catch(() => undefined);
  if (stamp === hash) return { built: false, ms: performance.now() - started };
  const { build } = await import('vite');
  await build({
    root: webDir,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  await writeFile(join(outDir, STAMP), hash);
  return { built: true, ms: performance.now() - started };
}
