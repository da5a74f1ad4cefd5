import express, { type Express } from 'express';
import type { Registry } from 'prom-client';
import type { BatchQueue } from './batching';
import { type Readiness, QUIET_PATHS, builtinRoutes } from './builtins';
import { errorHandler, notFoundHandler } from './error-handler';
import { type Logger, createLogger, requestLogging } from './logging';
import { type ModelInfo, type ServiceMetrics, createMetrics } from './metrics';
import { type OpenApiDocument, buildOpenApi } from './openapi';
import { type Route, mountRoutes } from './routes';

export interface ServiceOptions {
  name: string;
  version: string;
  /** Default: a pino logger named after the service at level info. */
  logger?: Logger;
  /** Drives GET /readyz; typically "model loaded and warmed up". Default: always ready. */
  readiness?: () => boolean | Readiness;
  /** Served at GET /v1/model and exported as the model_info metric; undefined until loaded. */
  modelInfo?: () => ModelInfo | undefined;
  routes: readonly Route[];
  /** Batchers the routes use: their batch sizes, timings and queue depth go to /metrics, and shutdown drains them. */
  batchers?: readonly BatchQueue[];
  openapi?: { title?: string; description?: string };
  /** Body limit of routes that set none. Default 1 MiB. */
  bodyLimitBytes?: number;
}

export interface Service {
  readonly name: string;
  readonly version: string;
  readonly app: Express;
  readonly registry: Registry;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
  readonly openapi: OpenApiDocument;
  readonly batchers: readonly BatchQueue[];
  /** Flips /readyz to 503 for good; startService calls it when shutdown begins. */
  markDraining(): void;
  readonly draining: boolean;
}

const DEFAULT_BODY_LIMIT = 2 ** 20;

/** Builds the express app: built-in endpoints, the service's routes, request ids, logs, metrics, JSON errors. */
export function createService(options: ServiceOptions): Service {
  const logger = options.logger ?? createLogger({ name: options.name });
  const modelInfo = options.modelInfo ?? (() => undefined);
  const metrics = createMetrics(options.name, modelInfo);
  const batchers = options.batchers ?? [];
  for (const batcher of batchers) batcher.observe(metrics);
  let draining = false;

  const readiness = (): Readiness => {
    if (draining) return { ready: false, reason: 'shutting down' };
    const state = options.readiness?.() ?? true;
    return typeof state === 'boolean' ? { ready: state, ...(!state && { reason: 'starting' }) } : state;
  };
  const routes = [
    ...builtinRoutes({
      readiness,
      metricsText: () => metrics.registry.metrics(),
      metricsContentType: metrics.registry.contentType,
      openapi: () => openapi,
      modelInfo,
    }),
    ...options.routes,
  ];
  const openapi = buildOpenApi(
    {
      title: options.openapi?.title ?? options.name,
      version: options.version,
      ...(options.openapi?.description && { description: options.openapi.description }),
    },
    routes,
  );

  const app = express();
  app.disable('x-powered-by');
  // Responses are JSON, images or text; never let a browser sniff one into HTML and run it.
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  // Inference responses are not worth hashing for conditional GETs.
  app.set('etag', false);
  app.use(requestLogging(logger, QUIET_PATHS));
  app.use(metrics.middleware);
  mountRoutes(app, routes, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT);
  app.use(notFoundHandler);
  app.use(errorHandler);

  return {
    name: options.name,
    version: options.version,
    app,
    registry: metrics.registry,
    metrics,
    logger,
    openapi,
    batchers,
    markDraining() {
      draining = true;
    },
    get draining() {
      return draining;
    },
  };
}
