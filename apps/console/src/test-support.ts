import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningService, createLogger, startService } from '@dl-suite/service-kit';
import { type ConsoleApp, createConsole } from './app';
import type { Backend } from './backends';

export const PROXY_TIMEOUT_MS = 500;

/** A console on a free port in front of `backends`, with a tiny stand-in UI, for tests over real HTTP. */
export async function startTestConsole(backends: readonly Backend[]): Promise<ConsoleApp & { running: RunningService; webRoot: string }> {
  const webRoot = await mkdtemp(join(tmpdir(), 'console-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/app-1234.js"></script>');
  await writeFile(join(webRoot, 'assets', 'app-1234.js'), 'console.log("ui")');
  const app = createConsole({
    backends,
    webRoot,
    logger: createLogger({ name: 'console', level: 'silent' }),
    statusIntervalMs: 60_000,
    proxyTimeoutMs: PROXY_TIMEOUT_MS,
    xraySamplesPath: join(webRoot, 'no-such-dataset.npz'),
  });
  const running = await startService(app.service, { port: 0, handleSignals: false, shutdownTimeoutMs: 1_000 });
  return { ...app, running, webRoot };
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function closedUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
