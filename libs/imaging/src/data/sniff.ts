import { ImageError } from './errors';

export type ImageFormat = 'png' | 'jpeg' | 'dicom';

const SUPPORTED = 'send PNG, JPEG or DICOM';

// Formats recognised only to say what they are when refusing them.
const UNSUPPORTED: { name: string; at: number; magic: string }[] = [
  { name: 'GIF', at: 0, magic: 'GIF8' },
  { name: 'WebP', at: 8, magic: 'WEBP' },
  { name: 'TIFF', at: 0, magic: 'II*\x00' },
  { name: 'TIFF', at: 0, magic: 'MM\x00*' },
  { name: 'BMP', at: 0, magic: 'BM' },
  { name: 'JPEG 2000', at: 4, magic: 'jP  ' },
  { name: 'JPEG 2000', at: 0, magic: '\xff\x4f\xff\x51' },
  { name: 'HEIF/AVIF', at: 4, magic: 'ftyp' },
  { name: 'PDF', at: 0, magic: '%PDF' },
  { name: 'NIfTI', at: 344, magic: 'n+1\x00' },
  { name: 'NIfTI', at: 344, magic: 'ni1\x00' },
];

/**
 * Identifies PNG, JPEG or DICOM Part 10 from the first bytes, whatever the request claimed. The
 * one exception: a body declared `application/dicom` may be a bare data set without the
 * 128-byte preamble and 'DICM' (what some PACS exports send), so it is taken as DICOM.
 */
export function detectImageFormat(bytes: Uint8Array, contentType?: string): ImageFormat {
  if (bytes.length === 0) throw new ImageError('empty', 'Image body is empty');
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (startsWith(bytes, 0, '\xff\xd8\xff')) return 'jpeg';
  if (isPart10Dicom(bytes)) return 'dicom';
  if (mediaType(contentType) === 'application/dicom') return 'dicom';
  const other = UNSUPPORTED.find((f) => startsWith(bytes, f.at, f.magic));
  if (other) throw new ImageError('unsupported_format', `${other.name} images are not supported; ${SUPPORTED}`);
  throw new ImageError('unsupported_format', `Body is not a recognisable image (no PNG, JPEG or DICOM signature); ${SUPPORTED}`);
}

/** A DICOM Part 10 file: 128-byte preamble, then 'DICM'. */
export function isPart10Dicom(bytes: Uint8Array): boolean {
  return startsWith(bytes, 128, 'DICM');
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

function startsWith(bytes: Uint8Array, at: number, magic: string): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false;
  return true;
}
