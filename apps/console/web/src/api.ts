/** A failed call, with the message to show: the service's own, or what went wrong on the way. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string };
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('The console server is not reachable. Is `npm start` still running?', 0, 'network_error');
  }
  if (response.ok) return response;
  const envelope = (await response.json().catch(() => ({}))) as ErrorEnvelope;
  throw new ApiError(
    envelope.error?.message ?? `The request failed with HTTP ${response.status}`,
    response.status,
    envelope.error?.code ?? 'http_error',
  );
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await send(path, { signal: signal ?? null })).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: signal ?? null };
  return (await send(path, init)).json() as Promise<T>;
}

export async function postBytes<T>(path: string, body: Blob, contentType: string, signal?: AbortSignal): Promise<T> {
  return (await send(path, { method: 'POST', headers: { 'content-type': contentType }, body, signal: signal ?? null })).json() as Promise<T>;
}

export async function getBlob(path: string): Promise<Blob> {
  return (await send(path, {})).blob();
}

export const isAbort = (error: unknown) => (error as Error)?.name === 'AbortError';
