import type { IncomingMessage } from 'node:http';
import { HttpError, payloadTooLarge, unsupportedMediaType } from './errors';

/** The media type without parameters, lower-cased: `Multipart/Form-Data; boundary=x` → `multipart/form-data`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return essence || undefined;
}

/** `accepted` entries are exact media types or `type/*` wildcards. */
export function isAccepted(accepted: readonly string[], mediaType: string): boolean {
  return accepted.some((entry) =>
    entry.endsWith('/*') ? mediaType.startsWith(entry.slice(0, -1)) : entry === mediaType,
  );
}

/** Fails with 415 unless the request's Content-Type is one of `accepted`; returns its media type. */
export function requireMediaType(req: IncomingMessage, accepted: readonly string[]): string {
  const mediaType = mediaTypeOf(req.headers['content-type']);
  if (!mediaType || !isAccepted(accepted, mediaType)) throw unsupportedMediaType(accepted, mediaType);
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new HttpError(415, 'unsupported_media_type', `Content-Encoding ${encoding} is not supported`);
  }
  return mediaType;
}

export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Reads the whole body, failing with 413 as soon as it is known to exceed `limitBytes`: up front
 * from Content-Length, otherwise when the streamed bytes pass the limit. Reading then stops
 * (the stream is paused, not drained), so an oversized upload costs at most `limitBytes` of memory.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) return Promise.reject(payloadTooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (error: Error | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        req.pause();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, received));
      }
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) finish(payloadTooLarge(limitBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onError = () => finish(clientClosed());
    // 'close' before 'end' means the client went away mid-upload.
    const onClose = () => finish(clientClosed());
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

const clientClosed = () => new HttpError(400, 'client_closed', 'The client closed the connection before sending the whole body');
