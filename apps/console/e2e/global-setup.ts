import type { TestProject } from 'vitest/node';
import { type Availability, DOMAIN_SERVICES, type DomainService, freePort, hasApp, startConsole, startSuite, stop } from './suite';

declare module 'vitest' {
  export interface ProvidedContext {
    consoleUrl: string;
    /** A console whose services are all down, for the "service not running" paths. */
    orphanConsoleUrl: string;
    availability: Record<DomainService, Availability>;
  }
}

const READY_TIMEOUT_MS = Number(process.env['E2E_READY_TIMEOUT_MS'] ?? 240_000);

/**
 * Starts the suite with the launcher (every service of this checkout on its bundled model, and
 * the console), plus a second console in front of nothing. Pages whose service is missing from
 * the checkout are skipped, and the reason is printed here and in the skipped suite's name.
 * Teardown stops the launcher with SIGTERM and fails unless everything exited cleanly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const suite = await startSuite(READY_TIMEOUT_MS);
  const launcherSaid = (name: string) => suite.lines.filter((line) => line.startsWith(`[${name}]`)).slice(-8).join('\n');

  const availability = {} as Record<DomainService, Availability>;
  for (const name of DOMAIN_SERVICES) {
    if (!hasApp(name)) availability[name] = { state: 'missing', reason: `apps/${name} does not exist yet` };
    else if (suite.lines.some((line) => line.startsWith(`[${name}] ready at `))) availability[name] = { state: 'ready' };
    else availability[name] = { state: 'failed', reason: `did not start; the launcher reported:\n${launcherSaid(name)}` };
  }
  for (const name of DOMAIN_SERVICES) {
    const service = availability[name];
    if (service.state === 'ready') console.log(`e2e: ${name} running`);
    else if (service.state === 'missing') console.log(`e2e: ${name} page tests SKIPPED: ${service.reason}`);
    else console.error(`e2e: ${name} FAILED to start; its page tests will fail: ${service.reason}`);
  }

  // Started after the suite's console, which built the UI if it was stale: two builds must not share dist/.
  const nowhere = Object.fromEntries(await Promise.all(DOMAIN_SERVICES.map(async (name) => [name, `http://127.0.0.1:${await freePort()}`])));
  const orphan = await startConsole(nowhere as Record<DomainService, string>);

  project.provide('consoleUrl', suite.url);
  project.provide('orphanConsoleUrl', orphan.url);
  project.provide('availability', availability);
  return async () => {
    await stop(orphan);
    const code = await stop(suite);
    if (code !== 0) throw new Error(`the launcher exited with ${code} after SIGTERM:\n${suite.lines.slice(-20).join('\n')}`);
    if (!suite.lines.some((line) => line === 'stopping all services…')) throw new Error('the launcher did not report stopping');
  };
}
