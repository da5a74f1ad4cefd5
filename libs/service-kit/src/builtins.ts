import { z } from 'zod';
import type { ModelInfo } from './metrics';
import type { OpenApiDocument } from './openapi';
import { HttpError } from './errors';
import { type Route, reply, route } from './routes';

export interface Readiness {
  ready: boolean;
  reason?: string;
}

export interface BuiltinDeps {
  readiness(): Readiness;
  metricsText(): Promise<string>;
  metricsContentType: string;
  openapi(): OpenApiDocument;
  modelInfo(): ModelInfo | undefined;
}

/** Paths probed often enough that logging each success would drown the real traffic. */
export const QUIET_PATHS = ['/healthz', '/readyz', '/metrics'];

const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  reason: z.string().optional(),
});

export function builtinRoutes(deps: BuiltinDeps): Route[] {
  return [
    route({
      method: 'GET',
      path: '/healthz',
      summary: 'Liveness: the process is up',
      tags: ['operations'],
      response: z.object({ status: z.literal('ok') }),
      handler: () => ({ status: 'ok' as const }),
    }),
    route({
      method: 'GET',
      path: '/readyz',
      summary: 'Readiness: the model is loaded and warmed up',
      description: 'Answers 503 with the same body and a reason while starting or shutting down.',
      tags: ['operations'],
      response: ReadinessSchema,
      handler: () => {
        const { ready, reason } = deps.readiness();
        return ready ? { status: 'ready' as const } : reply({ status: 'not_ready' as const, reason }, { status: 503 });
      },
    }),
    route({
      method: 'GET',
      path: '/metrics',
      summary: 'Prometheus metrics',
      tags: ['operations'],
      produces: deps.metricsContentType,
      response: z.string(),
      handler: () => deps.metricsText(),
    }),
    route({
      method: 'GET',
      path: '/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tags: ['operations'],
      response: z.looseObject({ openapi: z.literal('3.1.0') }),
      handler: () => deps.openapi(),
    }),
    route({
      method: 'GET',
      path: '/v1/model',
      summary: 'The loaded model: name, version, labels, metrics',
      tags: ['model'],
      response: z.looseObject({ name: z.string(), version: z.string() }),
      handler: () => {
        const info = deps.modelInfo();
        if (!info) throw new HttpError(503, 'model_not_loaded', 'No model is loaded yet');
        return info;
      },
    }),
  ];
}
