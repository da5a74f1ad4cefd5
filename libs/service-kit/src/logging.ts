import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DestinationStream, type Level, type LevelWithSilent, type Logger, pino } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

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

function levelFor(_req: IncomingMessage, res: ServerResponse, error?: Error): Level {
  if (error || res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Assigns the request id and logs one JSON line per response. `req.log` is a child logger
 * carrying only the id, so handler lines stay short. Probe paths (health, metrics) are not logged.
 */
export function requestLogging(logger: Logger, quietPaths: readonly string[]) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    customLogLevel: levelFor,
    autoLogging: { ignore: (req) => quietPaths.includes(req.url?.split('?', 1)[0] ?? '') },
  });
}
