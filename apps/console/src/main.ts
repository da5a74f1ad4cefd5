import { type RunningService, createLogger, startServiceFromEnv } from '@dl-suite/service-kit';
import { createConsole } from './app';
import { type ConsoleConfig, backendsOf } from './config';
import { DIST_DIR, ensureUiBuilt } from './ui-build';

/** Builds the UI if its sources changed, then serves it with the proxy; SIGTERM drains and exits. */
export async function serve(config: ConsoleConfig, options: { handleSignals?: boolean } = {}): Promise<RunningService> {
  const logger = createLogger({ name: 'console', level: config.LOG_LEVEL });
  const ui = await ensureUiBuilt();
  logger.info({ ms: Math.round(ui.ms) }, ui.built ? 'web UI built' : 'web UI up to date');
  const backends = backendsOf(config);
  const { service, monitor, warmDemos } = createConsole({
    backends,
    webRoot: DIST_DIR,
    logger,
    statusIntervalMs: config.STATUS_INTERVAL_MS,
    proxyTimeoutMs: config.PROXY_TIMEOUT_MS,
    xraySamplesPath: config.XRAY_SAMPLES,
  });
  const running = await startServiceFromEnv(service, config, { handleSignals: options.handleSignals ?? true, onShutdown: () => monitor.stop() });
  logger.info({ services: Object.fromEntries(backends.map((b) => [b.id, b.url])) }, `console at ${running.url}`);
  void monitor.start();
  warmDemos();
  return running;
}
