import { createRequire } from 'node:module';

/** The parts of autocannon's result the bench reads (the package ships no types). */
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
  body?: string;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadOptions {
  url: string;
  body: () => string;
  connections: number;
  seconds: number;
  /** Fixed request rate (requests/s); unset means as fast as the server answers. */
  rate?: number;
}

export function load(options: LoadOptions): Promise<LoadResult> {
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate && { overallRate: options.rate }),
    requests: [
      {
        method: 'POST',
        path: '/v1/score',
        setupRequest: (request: Request) => ({ ...request, headers: { 'content-type': 'application/json' }, body: options.body() }),
      },
    ],
  });
}
