import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from './service';
import type { BaseServiceEnv } from './config';

export interface StartOptions {
  /** 0 picks a free port; the bound one is in the result. */
  port: number;
  /** Default 127.0.0.1: exposing a service is an explicit choice. */
  host?: string;
  /** How long in-flight requests may take to finish once shutdown begins. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Runs after the last request finished and the service's batchers drained, e.g. to release a model session. */
  onShutdown?: () => Promise<void> | void;
  /** Drain and exit on SIGTERM/SIGINT. Default true; tests turn it off and call close(). */
  handleSignals?: boolean;
}

export interface RunningService {
  readonly server: Server;
  readonly address: AddressInfo;
  /** e.g. http://127.0.0.1:3004 */
  readonly url: string;
  /** Stops accepting, marks not-ready, lets in-flight requests finish, drains batchers, runs onShutdown. Idempotent; never exits. */
  close(): Promise<void>;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export async function startService(service: Service, options: StartOptions): Promise<RunningService> {
  const { host = '127.0.0.1', shutdownTimeoutMs = 10_000, handleSignals = true } = options;
  const log = service.logger;
  const inFlight = new Set<ServerResponse>();
  // Registered before the app, which may answer synchronously.
  const server = createServer((_req, res) => {
    // Keep-alive would hold a drained connection open until its idle timeout; make it end with the response.
    if (service.draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  }).on('request', service.app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log.info({ url, version: service.version }, `${service.name} listening`);

  let closing: Promise<void> | undefined;
  const shutdown = async (): Promise<void> => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    service.markDraining();
    log.info({ inFlight: inFlight.size }, 'shutting down: finishing in-flight requests');
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => {
      log.warn({ inFlight: inFlight.size }, 'shutdown timeout: closing remaining connections');
      server.closeAllConnections();
    }, shutdownTimeoutMs);
    await closed;
    clearTimeout(force);
    await Promise.all(service.batchers.map((batcher) => batcher.drain()));
    await options.onShutdown?.();
    log.info('stopped');
  };
  const close = () => (closing ??= shutdown());

  function onSignal(signal: NodeJS.Signals): void {
    log.info({ signal }, 'signal received');
    // A second signal while draining means "now": the handlers are gone, so node's default applies.
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  }
  if (handleSignals) for (const signal of SIGNALS) process.once(signal, onSignal);

  return { server, address, url, close };
}

/** startService with the listen address and shutdown timeout of a service's validated environment. */
export function startServiceFromEnv(
  service: Service,
  env: Pick<BaseServiceEnv, 'PORT' | 'HOST' | 'SHUTDOWN_TIMEOUT_MS'>,
  options: Pick<StartOptions, 'onShutdown' | 'handleSignals'> = {},
): Promise<RunningService> {
  return startService(service, { port: env.PORT, host: env.HOST, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS, ...options });
}
