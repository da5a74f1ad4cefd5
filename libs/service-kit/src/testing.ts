import { request } from 'node:http';
import { createLogger } from './logging';
import { type RunningService, startService } from './server';
import { type Service, type ServiceOptions, createService } from './service';

/** A service on a free port with a silent logger and no signal handlers; `close()` it after the test. */
export async function startTestService(options: ServiceOptions): Promise<RunningService & { service: Service }> {
  const service = createService({ logger: createLogger({ name: options.name, level: 'silent' }), ...options });
  const running = await startService(service, { port: 0, handleSignals: false, shutdownTimeoutMs: 2_000 });
  return { ...running, service };
}

export interface OversizedUploadResult {
  status: number;
  /** Until the response headers arrived. */
  ms: number;
}

/**
 * POSTs `totalBytes` of zeros in 64 KiB writes with node's http client and resolves with the
 * response that arrives while it is still writing. fetch cannot do this: it prepares the whole body
 * first (~1 s for 50 MB) and reports the server closing the connection mid-upload as a failure,
 * which is exactly what a service refusing an oversized upload does.
 */
export function uploadOversized(url: string, options: { totalBytes: number; contentType: string; declareLength?: boolean }): Promise<OversizedUploadResult> {
  const { totalBytes, contentType, declareLength = true } = options;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': contentType, ...(declareLength && { 'content-length': String(totalBytes) }) };
    const req = request(url, { method: 'POST', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, ms: performance.now() - started });
      req.destroy();
    });
    // The server closes the connection while we are still writing (that is the point), so write
    // errors are expected; only a connection closed without an answer is a failure.
    req.on('error', () => {});
    req.on('close', () => {
      if (!answered) reject(new Error('connection closed without a response'));
    });
    const chunk = Buffer.alloc(2 ** 16);
    let sent = 0;
    const write = () => {
      while (sent < totalBytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });
}
