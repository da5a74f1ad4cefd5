import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ModelFolderError } from './errors';
import { sha256File } from './hashing';
import { MANIFEST_FILE, describeIssues, modelManifestSchema, type ModelManifest } from './manifest';

export interface LoadedModelFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  readonly manifest: ModelManifest;
}

/** Reads and validates manifest.json, then checks every listed file's size and sha256. */
export async function loadModelFolder(dir: string): Promise<LoadedModelFolder> {
  const root = resolve(dir);
  const manifest = await readManifest(root);
  for (const [path, expected] of Object.entries(manifest.files)) {
    await verifyFile(root, path, expected, manifest.sizes?.[path]);
  }
  return { dir: root, manifest };
}

async function readManifest(root: string): Promise<ModelManifest> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new ModelFolderError(root, 'is not a directory or does not exist');

  let text: string;
  try {
    text = await readFile(join(root, MANIFEST_FILE), 'utf8');
  } catch (cause) {
    throw new ModelFolderError(root, `${MANIFEST_FILE} is missing or unreadable`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ModelFolderError(root, `${MANIFEST_FILE} is not valid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = modelManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new ModelFolderError(root, `${MANIFEST_FILE} is invalid: ${describeIssues(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

async function verifyFile(root: string, path: string, expected: string, expectedSize: number | undefined): Promise<void> {
  const target = join(root, path);
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) throw new ModelFolderError(root, `file ${path} is missing`);
  // A size check names truncation precisely and skips hashing a file that cannot match.
  if (expectedSize !== undefined && info.size !== expectedSize) {
    throw new ModelFolderError(root, `file ${path} is ${info.size} bytes, expected ${expectedSize} (truncated or replaced)`);
  }
  const actual = await sha256File(target);
  if (actual !== expected) {
    throw new ModelFolderError(
      root,
      `file ${path} failed its sha256 check (expected ${short(expected)}, got ${short(actual)})`,
    );
  }
}

const short = (digest: string): string => `${digest.slice(0, 12)}…`;
