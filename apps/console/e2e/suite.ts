import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DOMAIN_SERVICES = ['medical-imaging', 'sentiment', 'speech', 'fraud'] as const;
export type DomainService = (typeof DOMAIN_SERVICES)[number];

/**
 * Whether a page's tests can run. A service this checkout does not have yet is `missing` and its
 * page tests are skipped; one that exists but does not start is `failed`, and its tests fail.
 */
export type Availability = { state: 'ready' } | { state: 'missing' | 'failed'; reason: string };

export interface Started {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far, line by line. */
  lines: string[];
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const hasApp = (name: string) => existsSync(join(REPO_ROOT, 'apps', name, 'bin', `${name}.mjs`));

const envPrefix = (name: string) => name.toUpperCase().replace('-', '_');

function run(script: string, args: string[], env: NodeJS.ProcessEnv, url: string): Started {
  const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { url, process: child, lines };
}

/**
 * `npm start`'s launcher with every app on a free port, resolved once it has reported on each
 * app: the browser tests then also cover the launcher's start-up, failure reports and shutdown.
 */
export async function startSuite(readyTimeoutMs: number): Promise<Started> {
  const ports: Record<string, string> = {};
  for (const name of ['console', ...DOMAIN_SERVICES]) ports[`${envPrefix(name)}_PORT`] = String(await freePort());
  const suite = run(join(REPO_ROOT, 'tools', 'start.mjs'), [], { ...ports, START_READY_TIMEOUT_MS: String(readyTimeoutMs) }, `http://127.0.0.1:${ports['CONSOLE_PORT']}`);
  const deadline = Date.now() + readyTimeoutMs + 30_000;
  while (!suite.lines.some((line) => /^Open the console: |^Suite running without the console/.test(line))) {
    if (suite.process.exitCode !== null || Date.now() > deadline) throw new Error(`the launcher did not start the suite:\n${suite.lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return suite;
}

/** A console alone (`console serve`), in front of the given service URLs. */
export async function startConsole(serviceUrls: Record<DomainService, string>): Promise<Started> {
  const port = await freePort();
  const env = Object.fromEntries(DOMAIN_SERVICES.map((name) => [`${envPrefix(name)}_URL`, serviceUrls[name]]));
  const app = run(join(REPO_ROOT, 'apps', 'console', 'bin', 'console.mjs'), ['serve'], { ...env, PORT: String(port), LOG_LEVEL: 'warn' }, `http://127.0.0.1:${port}`);
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${app.url}/healthz`).then((r) => r.ok, () => false))) {
    if (app.process.exitCode !== null || Date.now() > deadline) throw new Error(`the console did not start:\n${app.lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return app;
}

/** SIGTERM, as Ctrl-C would; resolves with the exit code (SIGKILL after 20 s counts as a failure). */
export async function stop(app: Started): Promise<number | null> {
  if (app.process.exitCode !== null) return app.process.exitCode;
  const exited = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)));
  app.process.kill('SIGTERM');
  const timer = setTimeout(() => app.process.kill('SIGKILL'), 20_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
