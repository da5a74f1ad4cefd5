import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ModelFolderError } from './errors';
import { sha256Bytes, sha256File } from './hashing';
import {
  MANIFEST_FILE,
  describeIssues,
  isSafeRelativePath,
  manifestDraftSchema,
  modelManifestSchema,
  type ManifestDraft,
  type ModelManifest,
} from './manifest';

export interface ModelFolderContent {
  manifest: ManifestDraft;
  /** Files to write, keyed by forward-slash path relative to the folder. */
  files: Record<string, Uint8Array | string>;
  /** Files already in the folder (copied tokenizer, config…) to hash into the manifest too. */
  existingFiles?: string[];
}

/**
 * Writes the files, hashes them, and writes manifest.json last (atomically, via rename): a
 * folder with a manifest is complete, and a crash mid-write leaves one the loader refuses.
 */
export async function writeModelFolder(dir: string, content: ModelFolderContent): Promise<ModelManifest> {
  const root = resolve(dir);
  const existing = content.existingFiles ?? [];
  const unsafe = [...Object.keys(content.files), ...existing].filter((p) => !isSafeRelativePath(p));
  if (unsafe.length > 0) {
    throw new ModelFolderError(root, `refusing file paths outside the folder or reserved: ${unsafe.join(', ')}`);
  }
  // Validate the producer's part before touching the disk.
  const draft = manifestDraftSchema.safeParse(content.manifest);
  if (!draft.success) throw new ModelFolderError(root, `manifest is invalid: ${describeIssues(draft.error)}`);

  const files: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  for (const [path, data] of Object.entries(content.files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
    files[path] = sha256Bytes(data);
    sizes[path] = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  }
  for (const path of existing) {
    const target = join(root, path);
    const info = await stat(target).catch((cause: unknown) => {
      throw new ModelFolderError(root, `existing file ${path} is missing`, { cause });
    });
    files[path] = await sha256File(target);
    sizes[path] = info.size;
  }

  const manifest = modelManifestSchema.parse({ ...draft.data, files: sorted(files), sizes: sorted(sizes) });
  const manifestPath = join(root, MANIFEST_FILE);
  await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${manifestPath}.tmp`, manifestPath);
  return manifest;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
