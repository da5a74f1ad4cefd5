import { type IncomingHttpHeaders, type OutgoingHttpHeaders, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Request, RequestHandler, Response } from 'express';
import type { ErrorBody, Logger } from '@dl-suite/service-kit';
import type { Backend } from './backends';

export interface ProxyOptions {
  backends: readonly Backend[];
  /** Time allowed for the service's response headers; the body then streams as long as it takes. */
  timeoutMs: number;
  logger: Logger;
}

// Connection-scoped headers describe one hop and must not be forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ErrorBody = { error: { code, message } };
  res.status(status).json(body);
}

/**
 * `/api/<service>/<path>` → `<service url>/<path>`, streaming both bodies, so uploads and their
 * limits stay the service's business. A service that is not running answers 503 `service_unavailable`
 * naming it, which is what the pages show instead of a bare network error.
 */
export function createProxy(options: ProxyOptions): RequestHandler {
  const byId = new Map(options.backends.map((backend) => [backend.id as string, backend]));
  return (req, res, next) => {
    const match = /^\/api\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(req.originalUrl);
    const backend = match && byId.get(match[1]!);
    if (!match || !backend) return next();
    forward(req, res, backend, `${match[2] ?? '/'}${match[3] ?? ''}`, options);
  };
}

function forward(req: Request, res: Response, backend: Backend, path: string, options: ProxyOptions): void {
  const target = new URL(path, `${backend.url}/`);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, {
    method: req.method,
    headers: { ...forwardable(req.headers), 'x-forwarded-for': req.socket.remoteAddress ?? '' },
  });
  const timer = setTimeout(() => {
    sendError(res, 504, 'gateway_timeout', `The ${backend.id} service did not answer within ${options.timeoutMs / 1000} s`);
    upstream.destroy();
  }, options.timeoutMs);

  upstream.on('response', (answer) => {
    clearTimeout(timer);
    res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
    answer.pipe(res);
    answer.on('error', () => res.destroy());
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    clearTimeout(timer);
    if (res.writableEnded) return; // the 504 above, already answered
    if (res.headersSent) return void res.destroy(); // failed mid-body: the client must not take it as complete
    const unreachable = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET'].includes(error.code ?? '');
    options.logger.warn({ service: backend.id, code: error.code }, 'proxy: service request failed');
    if (unreachable) {
      sendError(res, 503, 'service_unavailable', `The ${backend.id} service is not running (nothing answers at ${backend.url})`);
    } else {
      sendError(res, 502, 'bad_gateway', `The ${backend.id} service request failed: ${error.message}`);
    }
  });
  // The browser gave up (page closed, request aborted): stop the service's work on its behalf.
  res.on('close', () => {
    clearTimeout(timer);
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
