import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { hasBody } from './body';
import { HttpError, errorBody, notFound } from './errors';

export const notFoundHandler: RequestHandler = (req) => {
  throw notFound(`No route for ${req.method} ${req.path}`);
};

/** Renders any error as the JSON envelope; unexpected ones become a generic 500, logged with their stack. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  // Too late for an error body: let express cut the connection.
  if (res.headersSent) return next(error);
  const httpError = toHttpError(error);
  if (httpError.status >= 500 && !(error instanceof HttpError)) req.log.error({ err: error }, 'unhandled error');
  send(res, httpError, !hasBody(req) || req.complete);
};

function send(res: Response, error: HttpError, bodyConsumed: boolean): void {
  res.status(error.status).set(error.headers);
  // An unread body would otherwise be drained by node to keep the connection alive.
  if (!bodyConsumed) res.set('Connection', 'close');
  res.json(errorBody(error.code, error.message));
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // express itself raises http-errors style objects, e.g. 400 for an undecodable URL.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', 'The request could not be understood');
  }
  return new HttpError(500, 'internal_error', 'Internal server error');
}
