import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Test audio is made by these command-line tools; the Debian packages that provide them.
const PACKAGES: Record<string, string> = { sox: 'sox libsox-fmt-all', 'espeak-ng': 'espeak-ng', opusenc: 'opus-tools' };

/** Runs a tool, failing with the Debian packages to install when it is missing (tests never skip on it). */
export function run(tool: keyof typeof PACKAGES, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`'${tool}' is not installed: the audio tests need the Debian packages ${Object.values(PACKAGES).join(' ')}`);
    }
    throw error;
  }
}

/** A scratch directory for generated audio, and a reader for files in it. */
export function scratch(): { path: (name: string) => string; read: (name: string) => Uint8Array; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'audio-test-'));
  return {
    path: (name) => join(dir, name),
    read: (name) => new Uint8Array(readFileSync(join(dir, name))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
