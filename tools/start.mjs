#!/usr/bin/env node
// `npm start`: runs every service of the suite on its bundled model, and the web console in front
// of them, in one terminal with prefixed readable logs; waits for each to be ready, prints the
// console's URL; Ctrl-C or SIGTERM stops them all. A service that fails is reported by name and
// the others keep running.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = process.env.HOST ?? '127.0.0.1';
const READY_TIMEOUT_MS = Number(process.env.START_READY_TIMEOUT_MS ?? 120_000);

const envPrefix = (name) => name.toUpperCase().replace('-', '_');
const portOf = (app) => Number(process.env[`${envPrefix(app.name)}_PORT`] ?? app.port);
const urlOf = (app) => `http://${HOST}:${portOf(app)}`;
const hasBin = (app) => existsSync(join(root, 'apps', app.name, 'bin', `${app.name}.mjs`));

// Default ports from docs/architecture.md; override with <NAME>_PORT (e.g. FRAUD_PORT=4004).
const DOMAIN_SERVICES = [
  { name: 'medical-imaging', port: 3001, color: 35 },
  { name: 'sentiment', port: 3002, color: 36 },
  { name: 'speech', port: 3003, color: 33 },
  { name: 'fraud', port: 3004, color: 32 },
];
// The console is "ready" only while a service behind it is; it is usable (and its URL worth
// printing) as soon as it listens, so the launcher waits for its liveness instead.
const CONSOLE = {
  name: 'console',
  port: 3000,
  color: 34,
  probe: '/healthz',
  env: Object.fromEntries(DOMAIN_SERVICES.map((s) => [`${envPrefix(s.name)}_URL`, urlOf(s)])),
};
const APPS = [...DOMAIN_SERVICES, CONSOLE].filter(hasBin);

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const children = new Map();
let stopping = false;

function prefix(app) {
  return process.stdout.isTTY ? `\x1b[${app.color}m[${app.name}]\x1b[0m` : `[${app.name}]`;
}

/** Pino writes JSON lines; a person reading a terminal wants "LEVEL message", and one short line per request. */
function readable(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const { level, time: _t, pid: _p, hostname: _h, name: _n, msg, req, res, responseTime, reqId: _r, ...rest } = entry;
  if (req && res) return `${LEVELS[level] ?? level} ${req.method} ${req.url} → ${res.statusCode} (${responseTime} ms)`;
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  return `${LEVELS[level] ?? level} ${msg ?? ''}${extra}`;
}

function pipe(stream, app, out) {
  createInterface({ input: stream }).on('line', (line) => out.write(`${prefix(app)} ${readable(line)}\n`));
}

async function waitReady(app) {
  const url = `${urlOf(app)}${app.probe ?? '/readyz'}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && children.has(app.name)) {
    try {
      if ((await fetch(url)).ok) return urlOf(app);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(children.has(app.name) ? `not ready after ${READY_TIMEOUT_MS / 1000} s` : 'its process exited (see its log lines above)');
}

function start(app) {
  const child = spawn(process.execPath, [join(root, 'apps', app.name, 'bin', `${app.name}.mjs`), 'serve'], {
    cwd: root,
    env: { ...process.env, ...app.env, PORT: String(portOf(app)), HOST },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches only the launcher, which sends one SIGTERM. A second
    // signal (the terminal's SIGINT plus ours) would make a draining service exit at once.
    detached: true,
  });
  children.set(app.name, child);
  pipe(child.stdout, app, process.stdout);
  pipe(child.stderr, app, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(app.name);
    if (!stopping) console.error(`${prefix(app)} stopped (${signal ?? `exit code ${code}`}); the others keep running`);
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

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stopAll);
// Detached children would outlive a launcher that dies of an error.
process.on('exit', () => {
  for (const child of children.values()) child.kill('SIGTERM');
});

for (const missing of DOMAIN_SERVICES.filter((s) => !hasBin(s))) {
  console.log(`${prefix(missing)} not in this checkout (no apps/${missing.name}); its console page will say so`);
}
for (const app of APPS) start(app);
const results = await Promise.allSettled(APPS.map(waitReady));
results.forEach((result, i) => {
  const app = APPS[i];
  if (result.status === 'fulfilled') console.log(`${prefix(app)} ready at ${result.value}`);
  else console.error(`${prefix(app)} failed to start: ${result.reason.message}`);
});
if (!stopping) {
  const consoleUp = results[APPS.indexOf(CONSOLE)]?.status === 'fulfilled';
  console.log(consoleUp ? `\nOpen the console: ${urlOf(CONSOLE)}\nPress Ctrl-C to stop.` : 'Suite running without the console. Press Ctrl-C to stop.');
}
