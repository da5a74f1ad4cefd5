export { type BatchObserver, type ModelInfo, type ServiceMetrics } from './metrics';
export { type BatchQueue, type Batcher, type BatcherOptions, createBatcher } from './batching';
export {
  type BaseServiceEnv,
  ConfigError,
  LOG_LEVELS,
  baseServiceEnv,
  batchingFromEnv,
  defineConfig,
  envBool,
  envBytes,
  envEnum,
  envInt,
} from './config';
export {
  type ErrorBody,
  HttpError,
  badRequest,
  inferenceTimeout,
  notFound,
  overloaded,
  unprocessable,
} from './errors';
export { type Logger, createLogger } from './logging';
export type { MultipartPart } from './multipart';
export type { OpenApiDocument } from './openapi';
export type { Readiness } from './builtins';
export { type HandlerContext, type HttpMethod, Reply, type Route, type RouteDef, reply, route } from './routes';
export { type Service, type ServiceOptions, createService } from './service';
export { type RunningService, type StartOptions, startService, startServiceFromEnv } from './server';
