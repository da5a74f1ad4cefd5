import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { hasBody, mediaTypeOf, readBody, requireMediaType } from './body';
import { badRequest, formatIssues, methodNotAllowed } from './errors';
import { type MultipartPart, parseMultipart } from './multipart';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerContext<B = unknown, Q = unknown> {
  /** The validated JSON body; undefined for routes without a `body` schema. */
  body: B;
  query: Q;
  /** The body bytes as received (empty when the route reads no body). */
  raw: Buffer;
  /** Media type of the request body, lower-cased, without parameters. */
  contentType: string | undefined;
  /** The parts of a multipart/form-data body on a binary route that accepts it. */
  parts: MultipartPart[] | undefined;
  req: Request;
  /** Request-scoped logger: every line carries the request id. */
  log: Logger;
  requestId: string;
}

/** A handler's result with a status or headers other than 200 and the defaults. */
export class Reply<T = unknown> {
  constructor(
    readonly body: T,
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
  ) {}
}

export function reply<T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}): Reply<T> {
  return new Reply(body, init.status ?? 200, init.headers ?? {});
}

interface RouteInfo {
  method: HttpMethod;
  /** An express path; also the `route` label in metrics. */
  path: string;
  summary: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  /** Media types of a binary body, delivered as `raw` (and `parts` for multipart). Exclusive with `body`. */
  accepts?: readonly string[];
  /** Body size limit in bytes; default: the service's `bodyLimitBytes`. */
  limitBytes?: number;
  /** Media type of the response; anything but JSON is sent as the handler's string or Buffer. */
  produces?: string;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type Result<T> = T | Reply<T> | Promise<T | Reply<T>>;

/** A route as written: the schemas type the handler's context and result. */
export interface RouteDef<B extends z.ZodType | undefined, Q extends z.ZodObject | undefined, R extends z.ZodType>
  extends RouteInfo {
  body?: B;
  query?: Q;
  response: R;
  handler(ctx: HandlerContext<Output<B>, Output<Q>>): Result<z.output<R>>;
}

/** A route with its types erased, as a service holds it. */
export interface Route extends RouteInfo {
  body?: z.ZodType;
  query?: z.ZodObject;
  response: z.ZodType;
  handler(ctx: HandlerContext): unknown;
}

/** Declares a route; exists only so TypeScript infers the handler's types from the schemas. */
export function route<
  R extends z.ZodType,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
>(def: RouteDef<B, Q, R>): Route {
  return def;
}

export const JSON_MEDIA_TYPE = 'application/json';

/**
 * Registers the routes. Each path first labels the response with its template (`res.locals.route`,
 * used by metrics instead of the raw URL); a known path with an unlisted method answers 405 with Allow.
 */
export function mountRoutes(app: Express, routes: readonly Route[], defaultLimitBytes: number): void {
  const byPath = new Map<string, Route[]>();
  for (const r of routes) {
    if (r.body && r.accepts) throw new Error(`Route ${r.method} ${r.path} declares both a JSON body and binary media types`);
    byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  }
  for (const [path, group] of byPath) {
    const chain = app.route(path).all((_req, res, next) => {
      res.locals['route'] = path;
      next();
    });
    for (const r of group) {
      const method = r.method.toLowerCase() as Lowercase<HttpMethod>;
      chain[method]((req, res) => handle(r, req, res, r.limitBytes ?? defaultLimitBytes));
    }
    const allow: string[] = group.map((r) => r.method);
    if (allow.includes('GET')) allow.push('HEAD');
    chain.all((req) => {
      throw methodNotAllowed(req.method, allow);
    });
  }
}

async function handle(r: Route, req: Request, res: Response, limitBytes: number): Promise<void> {
  // The query is checked first: it is cheap, and a bad one should not cost reading the body.
  const query = r.query ? validate(r.query, req.query, 'query') : undefined;
  const input = await readInput(r, req, limitBytes);
  const result = await r.handler({ ...input, query, req, log: req.log, requestId: String(req.id) });
  const { body, status, headers } = result instanceof Reply ? result : reply(result);
  res.status(status).set(headers);
  if (body === undefined) res.end();
  else if (r.produces && r.produces !== JSON_MEDIA_TYPE) res.type(r.produces).send(body);
  else res.json(body);
}

type Input = Pick<HandlerContext, 'body' | 'raw' | 'contentType' | 'parts'>;
const EMPTY = Buffer.alloc(0);

async function readInput(r: Route, req: Request, limitBytes: number): Promise<Input> {
  if (r.accepts) {
    const contentType = requireMediaType(req, r.accepts);
    const raw = await readBody(req, limitBytes);
    if (raw.length === 0) throw badRequest('Request body is empty');
    const parts = contentType === 'multipart/form-data' ? parseMultipart(raw, req.headers['content-type']!) : undefined;
    return { body: undefined, raw, contentType, parts };
  }
  if (!r.body || !hasBody(req)) {
    const body = r.body ? validate(r.body, undefined, 'body') : undefined;
    return { body, raw: EMPTY, contentType: mediaTypeOf(req.headers['content-type']), parts: undefined };
  }
  const contentType = requireMediaType(req, [JSON_MEDIA_TYPE]);
  const raw = await readBody(req, limitBytes);
  return { body: validate(r.body, parseJson(raw), 'body'), raw, contentType, parts: undefined };
}

// fatal: invalid bytes are refused instead of silently becoming U+FFFD and reaching a model.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(raw: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw badRequest('Request body is not valid UTF-8', 'invalid_utf8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`Malformed JSON body: ${(error as Error).message}`, 'malformed_json');
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(formatIssues(result.error.issues, source, value));
  return result.data;
}
