#!/usr/bin/env node
// `npm start`: runs every service of the suite on its bundled model in one terminal,
// with prefixed readable logs; waits for each /readyz; Ctrl-C or SIGTERM stops them all.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = process.env.HOST ?? '127.0.0.1';
const READY_TIMEOUT_MS = Number(process.env.START_READY_TIMEOUT_MS ?? 120_000);

// Default ports from docs/architecture.md; override with <NAME>_PORT (e.g. FRAUD_PORT=4004).
const SERVICES = [
  { name: 'medical-imaging', port: 3001, color: 35 },
  { name: 'sentiment', port: 3002, color: 36 },
  { name: 'speech', port: 3003, color: 33 },
  { name: 'fraud', port: 3004, color: 32 },
].filter((s) => existsSync(join(root, 'apps', s.name, 'bin', `${s.name}.mjs`)));

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const children = new Map();
let stopping = false;

function prefix(service) {
  return process.stdout.isTTY ? `\x1b[${service.color}m[${service.name}]\x1b[0m` : `[${service.name}]`;
}

/** Pino writes JSON lines; a person reading a terminal wants "LEVEL message". */
function readable(line) {
  try {
    const entry = JSON.parse(line);
    const { level, time: _t, pid: _p, hostname: _h, msg, ...rest } = entry;
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${LEVELS[level] ?? level} ${msg ?? ''}${extra}`;
  } catch {
    return line;
  }
}

function pipe(stream, service, out) {
  createInterface({ input: stream }).on('line', (line) => out.write(`${prefix(service)} ${readable(line)}\n`));
}

async function waitReady(service) {
  const port = Number(process.env[`${service.name.toUpperCase().replace('-', '_')}_PORT`] ?? service.port);
  const url = `http://${HOST}:${port}/readyz`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && children.has(service.name)) {
    try {
      if ((await fetch(url)).ok) return `http://${HOST}:${port}`;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(children.has(service.name) ? `not ready after ${READY_TIMEOUT_MS / 1000} s` : 'exited');
}

function start(service) {
  const envName = `${service.name.toUpperCase().replace('-', '_')}_PORT`;
  const port = process.env[envName] ?? String(service.port);
  const child = spawn(process.execPath, [join(root, 'apps', service.name, 'bin', `${service.name}.mjs`), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: port, HOST },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  pipe(child.stdout, service, process.stdout);
  pipe(child.stderr, service, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) console.error(`${prefix(service)} stopped (${signal ?? `exit code ${code}`}); the other services keep running`);
    if (stopping && children.size === 0) process.exit(0);
  });
}

function stopAll() {
  if (stopping) return;
  stopping = true;
  console.log('stopping all services…');
  if (children.size === 0) process.exit(0);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(1);
  }, 15_000).unref();
}

process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

for (const service of SERVICES) start(service);
const results = await Promise.allSettled(SERVICES.map(waitReady));
results.forEach((result, i) => {
  const service = SERVICES[i];
  if (result.status === 'fulfilled') console.log(`${prefix(service)} ready at ${result.value}`);
  else console.error(`${prefix(service)} failed to start: ${result.reason.message}`);
});
if (!stopping) console.log('Suite running. Press Ctrl-C to stop.');
