import express from 'express';
import { type Logger, type Service, createService } from '@dl-suite/service-kit';
import type { Backend } from './backends';
import { createProxy } from './proxy';
import { consoleRoutes } from './routes';
import { ServiceMonitor } from './service-monitor';
import { FraudDemoStream } from './demos/fraud-stream';
import { XraySamples } from './demos/xray-samples';

export interface ConsoleOptions {
  backends: readonly Backend[];
  /** The built web UI (index.html and hashed assets). */
  webRoot: string;
  logger?: Logger;
  statusIntervalMs: number;
  proxyTimeoutMs: number;
  xraySamplesPath: string;
}

// Any seed would do; a fixed one makes every console tell the same story.
const FRAUD_STREAM_SEED = 7;

export interface ConsoleApp {
  /** The service-kit service whose `app` also serves the UI and the proxy. */
  service: Service;
  monitor: ServiceMonitor;
  /** Loads the demo inputs in the background, so the first click on a page does not wait for them. */
  warmDemos(): void;
}

// The UI loads only its own bundle; service data ends up in images as data: URLs, recordings as blob: URLs.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The console: the service kit's endpoints and the console's own API, the proxy to the domain
 * services in front of them, and the static UI. Ready while at least one service behind it is
 * ready: a gateway that went unready whenever one of four services is down would hide the other three.
 */
export function createConsole(options: ConsoleOptions): ConsoleApp {
  const monitor = new ServiceMonitor(options.backends, options.statusIntervalMs);
  const fraudStream = new FraudDemoStream(FRAUD_STREAM_SEED);
  const xrays = new XraySamples(options.xraySamplesPath);
  const inner = createService({
    name: 'console',
    version: '0.1.0',
    ...(options.logger && { logger: options.logger }),
    readiness: () => {
      const statuses = monitor.snapshot;
      if (!statuses) return { ready: false, reason: 'checking the services' };
      if (statuses.some((s) => s.state === 'ready')) return true;
      return { ready: false, reason: `no service is ready (${statuses.map((s) => `${s.id}: ${s.state}`).join(', ')})` };
    },
    routes: consoleRoutes({ monitor, fraudStream, xrays }),
    openapi: { title: 'console', description: 'The suite\'s web console: service status and demo inputs; /api/<service>/… is proxied.' },
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(createProxy({ backends: options.backends, timeoutMs: options.proxyTimeoutMs, logger: inner.logger }));
  app.use(
    express.static(options.webRoot, {
      index: 'index.html',
      setHeaders: (res, path) => {
        // Vite names assets by content hash, so they never change; index.html must always be re-read.
        res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (path.endsWith('.html')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      },
    }),
  );
  app.use(inner.app);

  // startService listens with `service.app`; everything else (draining, metrics, batchers) stays the kit's.
  const service: Service = Object.create(inner, { app: { value: app } });
  const warmDemos = () => {
    fraudStream.warm();
    void xrays.list();
  };
  return { service, monitor, warmDemos };
}
