import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

// 1 MiB reads: large enough that hashing a multi-GB model is disk-bound, small enough to stay flat in memory.
const CHUNK_BYTES = 1 << 20;

export function sha256Bytes(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Streams the file, so its size is not limited by memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * One fingerprint for a dataset spread over several files: the sha256 of the files' own sha256
 * digests, one per line, in the order given. Contents and order count; names and locations do
 * not, so the same data copied elsewhere keeps its fingerprint.
 */
export async function sha256OfFiles(paths: readonly string[]): Promise<string> {
  const combined = createHash('sha256');
  for (const path of paths) combined.update(`${await sha256File(path)}\n`);
  return combined.digest('hex');
}
