import { createLogger } from './logging';
import { type RunningService, startService } from './server';
import { type Service, type ServiceOptions, createService } from './service';

/** A service on a free port with a silent logger and no signal handlers; `close()` it after the test. */
export async function startTestService(options: ServiceOptions): Promise<RunningService & { service: Service }> {
  const service = createService({ logger: createLogger({ name: options.name, level: 'silent' }), ...options });
  const running = await startService(service, { port: 0, handleSignals: false, shutdownTimeoutMs: 2_000 });
  return { ...running, service };
}
