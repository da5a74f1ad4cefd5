import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { env } from '@huggingface/transformers';
import { loadModelFolder } from './load-model-folder';
import { MANIFEST_FILE, type ModelManifest } from './manifest';

export interface HfSourceOptions {
  /**
   * Allow a Hugging Face hub id and downloads (default false: local folders only, no network).
   * transformers.js keeps this in its process-wide `env`, so the latest load decides for all.
   */
  allowRemote?: boolean;
  /** Cache for downloaded hub files (transformers.js default: a folder inside node_modules). */
  cacheDir?: string;
}

export interface HfSource {
  /** What to hand transformers.js: an absolute folder path or a hub id. */
  id: string;
  local: boolean;
  remote: boolean;
  /** The verified manifest of a local folder that has one. */
  manifest: ModelManifest | null;
}

const HUB_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

/**
 * Where transformers.js should load a model from, shared by every pipeline loader. An existing
 * directory is passed as an absolute path: that is never a valid hub id, so it is read from disk
 * as is (a relative one such as "models/x" would be looked up under env.localModelPath and then on
 * the hub). A folder with a manifest.json is verified (sha256 of every file) first. Anything else
 * must be a hub id, and allowed; `refusal` words the error for a caller.
 */
export async function locateHfModel(
  source: string,
  options: HfSourceOptions,
  refusal: (source: string) => string,
): Promise<HfSource> {
  const remote = options.allowRemote ?? false;
  env.allowLocalModels = true;
  env.allowRemoteModels = remote;
  if (options.cacheDir !== undefined) env.cacheDir = options.cacheDir;

  const info = await stat(source).catch(() => null);
  if (info?.isDirectory()) {
    const id = resolve(source);
    return { id, local: true, remote: false, manifest: await verifiedManifest(id) };
  }
  if (!remote) throw new Error(refusal(source));
  if (!HUB_ID.test(source)) throw new Error(`Model '${source}' is neither a local folder nor a Hugging Face hub id`);
  return { id: source, local: false, remote: true, manifest: null };
}

async function verifiedManifest(dir: string): Promise<ModelManifest | null> {
  const hasManifest = await access(join(dir, MANIFEST_FILE)).then(
    () => true,
    () => false,
  );
  return hasManifest ? (await loadModelFolder(dir)).manifest : null;
}
