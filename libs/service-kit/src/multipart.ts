import { mediaTypeOf } from './body';
import { badRequest } from './errors';

export interface MultipartPart {
  /** The form field name from Content-Disposition. */
  name: string;
  filename: string | undefined;
  /** Media type of the part, lower-cased, without parameters; undefined when the part has none. */
  contentType: string | undefined;
  data: Buffer;
}

const malformed = (why: string) => badRequest(`Malformed multipart body: ${why}`, 'malformed_multipart');

/**
 * Splits a buffered multipart/form-data body (RFC 7578) into its parts. The body is already
 * size-limited when it reaches here, so a simple in-memory split is enough.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw malformed('Content-Type has no boundary parameter');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);

  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw malformed('boundary not found');
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw malformed('missing closing boundary');
    // A part is CRLF, headers, CRLF CRLF, data, CRLF — then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw malformed('part without a header block');
    parts.push(toPart(part.subarray(0, headerEnd).toString('utf8'), part.subarray(headerEnd + 4)));
    start = next;
  }
}

function toPart(headerBlock: string, data: Buffer): MultipartPart {
  const headers = new Map<string, string>();
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw malformed('part without a Content-Disposition name');
  return {
    name,
    filename: /;\s*filename="([^"]*)"/i.exec(disposition)?.[1],
    contentType: mediaTypeOf(headers.get('content-type')),
    data,
  };
}
