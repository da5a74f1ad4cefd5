/** Every failure a client sees is an HttpError rendered as `{"error":{"code","message"}}`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export const badRequest = (message: string, code = 'invalid_request'): HttpError =>
  new HttpError(400, code, message);

export const notFound = (message: string): HttpError => new HttpError(404, 'not_found', message);

export const methodNotAllowed = (method: string, allow: readonly string[]): HttpError =>
  new HttpError(405, 'method_not_allowed', `Method ${method} is not allowed here; use ${allow.join(', ')}`, {
    Allow: allow.join(', '),
  });

// The unread rest of an oversized body is not worth draining: closing the connection stops the upload.
export const payloadTooLarge = (limitBytes: number): HttpError =>
  new HttpError(413, 'payload_too_large', `Request body exceeds the limit of ${limitBytes} bytes`, {
    Connection: 'close',
  });

export const unsupportedMediaType = (accepted: readonly string[], got: string | undefined): HttpError =>
  new HttpError(
    415,
    'unsupported_media_type',
    `Content-Type must be ${accepted.length > 1 ? 'one of ' : ''}${accepted.join(', ')} (got ${got ?? 'none'})`,
  );

/** Decodable but unusable input, e.g. an image without pixels. */
export const unprocessable = (message: string): HttpError => new HttpError(422, 'unprocessable_input', message);

export const overloaded = (message: string, retryAfterSeconds: number): HttpError =>
  new HttpError(503, 'overloaded', message, { 'Retry-After': String(retryAfterSeconds) });

export const inferenceTimeout = (timeoutMs: number): HttpError =>
  new HttpError(504, 'inference_timeout', `Inference did not finish within ${timeoutMs} ms`);

export interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  /** For `invalid_union`: the issues of each alternative. */
  readonly errors?: readonly (readonly Issue[])[];
}

const MAX_REPORTED_ISSUES = 5;

/** `transactions[3].amount: expected number, received string; …` — field paths as a JS developer writes them. */
export function formatIssues(reported: readonly Issue[], root: string, input?: unknown): string {
  const issues = reported.flatMap((issue) => explainUnion(issue, input));
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    // zod prefixes type errors with "Invalid input: ", which the field path already implies.
    const message = issue.message.replace(/^Invalid input: /, '');
    const path = formatPath(issue.path, root);
    // Schemas that write "amount must be …" already name the field: "transactions[3].amount must be …".
    const field = issue.path.at(-1);
    if (typeof field === 'string' && message.startsWith(`${field} `)) return `${path}${message.slice(field.length)}`;
    return `${path}: ${message}`;
  });
  const hidden = issues.length - shown.length;
  return shown.join('; ') + (hidden > 0 ? ` (and ${hidden} more)` : '');
}

/**
 * zod reports a failed union (`{"text"} | {"texts"}`) as a bare "Invalid input"; a client
 * needs the problem in the alternative it meant: the one that complains least about fields
 * the input does not have (then the one with fewest complaints, then the first declared).
 */
function explainUnion(issue: Issue, input: unknown): readonly Issue[] {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return [issue];
  const value = valueAt(input, issue.path);
  const present = value !== null && typeof value === 'object' ? new Set(Object.keys(value)) : new Set<string>();
  const absentFields = (alternative: readonly Issue[]) =>
    alternative.filter((i) => i.path.length > 0 && !present.has(String(i.path[0]))).length;
  const meant = [...issue.errors].sort((a, b) => absentFields(a) - absentFields(b) || a.length - b.length)[0]!;
  return meant.map((i) => ({ ...i, path: [...issue.path, ...i.path] })).flatMap((i) => explainUnion(i, input));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function formatPath(path: readonly PropertyKey[], root: string): string {
  // Body fields read bare (`transactions[3].amount`); other sources keep their prefix (`query.limit`).
  let out = root === 'body' ? '' : root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || root;
}
