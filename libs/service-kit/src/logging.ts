import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { type DestinationStream, type Level, type LevelWithSilent, type Logger, pino } from 'pino';

export type { Logger };

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id, also sent back in the x-request-id header. */
    id: string;
    /** A child logger whose lines carry the request id. */
    log: Logger;
  }
}

export function createLogger(options: {
  name: string;
  level?: LevelWithSilent;
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    options.destination,
  );
}

export const REQUEST_ID_HEADER = 'x-request-id';
// Incoming ids end up in logs and response headers, so only short, plain tokens are trusted.
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

function levelFor(res: ServerResponse): Level {
  if (res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Assigns the request id and logs one JSON line per response (method, URL, status, milliseconds).
 * `req.log` is a child logger carrying only the id, so handler lines stay short. Probe paths
 * (health, metrics) are not logged.
 *
 * Not pino-http: it builds two child loggers per request, one of them serialising and redacting the
 * whole request, even when nothing is logged. At 200 requests/s the fraud service kept 1.5 MB per
 * young-generation GC without request logging, 2.7 MB with pino-http and 2.2 MB with this; what survives is
 * what fills the old generation and brings the long major-GC pauses (libs/fraud/EXPERIMENTS.md).
 */
export function requestLogging(logger: Logger, quietPaths: readonly string[]): RequestHandler {
  return (req, res, next) => {
    req.id = requestId(req, res);
    req.log = logger.child({ reqId: req.id });
    if (!quietPaths.includes(req.url.split('?', 1)[0]!)) {
      const started = performance.now();
      // 'close' follows 'finish' on every response, and comes alone when the client went away first.
      res.once('close', () => {
        const finished = res.writableFinished;
        const level = finished ? levelFor(res) : 'warn';
        if (!logger.isLevelEnabled(level)) return;
        req.log[level](
          {
            req: { method: req.method, url: req.url },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(performance.now() - started),
          },
          finished ? 'request completed' : 'request aborted',
        );
      });
    }
    next();
  };
}
