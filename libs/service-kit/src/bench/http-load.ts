import { createRequire } from 'node:module';

/** The parts of autocannon's result the benches read (the package ships no types). */
export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadOptions {
  /** Service base URL. */
  url: string;
  /** Request path, e.g. /v1/score. */
  path: string;
  contentType: string;
  /** A body per request (called for each one, so requests can differ). */
  body: () => string | Buffer;
  connections: number;
  seconds: number;
  /** Fixed request rate (requests/s); unset means as fast as the server answers. */
  rate?: number;
}

/** POSTs bodies at a service with autocannon for a fixed time. */
export function load(options: LoadOptions): Promise<LoadResult> {
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate && { overallRate: options.rate }),
    requests: [
      {
        method: 'POST',
        path: options.path,
        setupRequest: (request: Request) => ({ ...request, headers: { 'content-type': options.contentType }, body: options.body() }),
      },
    ],
  });
}
