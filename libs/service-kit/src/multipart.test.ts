import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { parseMultipart } from './multipart';

const body = (boundary: string) =>
  Buffer.from(
    [
      'preamble',
      `--${boundary}`,
      'Content-Disposition: form-data; name="image"; filename="scan.png"',
      'Content-Type: image/png',
      '',
      'PNG\r\nbytes',
      `--${boundary}`,
      'Content-Disposition: form-data; name="note"',
      '',
      'hello',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );

describe('parseMultipart', () => {
  it('splits parts, keeping CRLFs inside the data', () => {
    const parts = parseMultipart(body('xyz'), 'multipart/form-data; boundary="xyz"');
    expect(parts.map((p) => ({ ...p, data: p.data.toString() }))).toEqual([
      { name: 'image', filename: 'scan.png', contentType: 'image/png', data: 'PNG\r\nbytes' },
      { name: 'note', filename: undefined, contentType: undefined, data: 'hello' },
    ]);
  });

  it.each([
    ['no boundary parameter', body('xyz'), 'multipart/form-data'],
    ['a boundary that never appears', body('xyz'), 'multipart/form-data; boundary=abc'],
    ['a missing closing boundary', body('xyz').subarray(0, 120), 'multipart/form-data; boundary=xyz'],
  ])('rejects %s with 400 malformed_multipart', (_name, input, contentType) => {
    expect(() => parseMultipart(input, contentType)).toThrow(HttpError);
    try {
      parseMultipart(input, contentType);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'malformed_multipart' });
    }
  });
});
