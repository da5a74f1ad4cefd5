import dicomParser, { type DataSet } from 'dicom-parser';
import { toDisplayGray, type GrayscaleMapping, type SampleLayout } from './dicom-grayscale';
import { ImageError } from './errors';
import { checkPixelLimit } from './pixel-limit';
import { isPart10Dicom } from './sniff';
import type { RawImage } from './types';

const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
// Uncompressed little-endian syntaxes: pixel data is plain samples (deflate covers the whole data set, which dicom-parser inflates).
const NATIVE_SYNTAXES = new Set([IMPLICIT_LE, EXPLICIT_LE, '1.2.840.10008.1.2.1.99']);
const SYNTAX_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian (retired)',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

/**
 * Decodes the first frame of an uncompressed DICOM image: MONOCHROME1/2 at 8 or 16 bits
 * (signed or not, any stored-bit count) through rescale → window (or min–max) → 8-bit, or
 * 8-bit RGB. Compressed transfer syntaxes and other photometric interpretations are refused
 * by name. A data set without the Part 10 preamble is read as a bare data set.
 */
export function decodeDicom(bytes: Uint8Array, maxPixels: number): RawImage {
  // A Buffer view (no copy): dicom-parser's built-in inflate for deflated data sets calls Buffer#copy.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const part10 = isPart10Dicom(bytes);
  // The syntax comes first, from the meta group alone: a compressed data set is refused by name, not by a parse failure.
  const syntax = part10 ? parsing(() => dicomParser.readPart10Header(buffer)).string('x00020010') : bareSyntax(bytes);
  if (syntax === undefined) throw new ImageError('undecodable', 'DICOM file meta group has no transfer syntax (0002,0010): truncated or corrupt');
  if (!NATIVE_SYNTAXES.has(syntax)) {
    const name = SYNTAX_NAMES[syntax] ?? 'a compressed or unknown encoding';
    throw new ImageError('unsupported_format', `DICOM transfer syntax ${syntax} (${name}) is not supported; send uncompressed little-endian DICOM`);
  }
  const dataSet = parsing(() => dicomParser.parseDicom(buffer, part10 ? {} : { TransferSyntaxUID: syntax }));

  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  if (rows === 0 || columns === 0) throw new ImageError('undecodable', `DICOM image has ${rows} rows and ${columns} columns`);
  checkPixelLimit(columns, rows, maxPixels);

  const pixelData = dataSet.elements.x7fe00010;
  if (!pixelData) throw new ImageError('undecodable', 'DICOM file has no pixel data (7FE0,0010)');

  const samplesPerPixel = dataSet.uint16('x00280002') ?? 1;
  const photometric = dataSet.string('x00280004') ?? '';
  const layout = sampleLayout(dataSet);
  const frameBytes = rows * columns * samplesPerPixel * (layout.bitsAllocated / 8);
  const available = Math.min(pixelData.length, dataSet.byteArray.length - pixelData.dataOffset);
  if (available < frameBytes) {
    throw new ImageError('undecodable', `DICOM pixel data holds ${available} bytes, a ${columns}×${rows} frame needs ${frameBytes}: truncated or corrupt`);
  }

  if (samplesPerPixel === 1 && (photometric === 'MONOCHROME1' || photometric === 'MONOCHROME2')) {
    const pixels = toDisplayGray(dataSet.byteArray, pixelData.dataOffset, rows * columns, layout, grayscaleMapping(dataSet, photometric === 'MONOCHROME1'));
    return { pixels, width: columns, height: rows, channels: 1 };
  }
  if (samplesPerPixel === 3 && photometric === 'RGB' && layout.bitsAllocated === 8) {
    const planar = dataSet.uint16('x00280006') === 1;
    const frame = dataSet.byteArray.subarray(pixelData.dataOffset, pixelData.dataOffset + frameBytes);
    return { pixels: planar ? interleave(frame, rows * columns) : Uint8Array.from(frame), width: columns, height: rows, channels: 3 };
  }
  throw new ImageError(
    'unsupported_format',
    `DICOM ${photometric || 'image without photometric interpretation'} with ${samplesPerPixel} sample(s) of ${layout.bitsAllocated} bits is not supported (MONOCHROME1/2 at 8/16 bits and 8-bit RGB are)`,
  );
}

function parsing(parse: () => DataSet): DataSet {
  try {
    return parse();
  } catch (error) {
    // dicom-parser throws strings, or { exception, dataSet } when it fails part-way.
    const reason = typeof error === 'string' ? error : error instanceof Error ? error.message : String((error as { exception?: unknown }).exception);
    throw new ImageError('undecodable', `DICOM data set does not parse (truncated or corrupt): ${reason}`, { cause: error });
  }
}

/** A bare data set starts with a tag; explicit VR puts two upper-case letters right after it. */
function bareSyntax(bytes: Uint8Array): string {
  const isUpper = (b: number | undefined) => b !== undefined && b >= 0x41 && b <= 0x5a;
  return isUpper(bytes[4]) && isUpper(bytes[5]) ? EXPLICIT_LE : IMPLICIT_LE;
}

function sampleLayout(dataSet: DataSet): SampleLayout {
  const bitsAllocated = dataSet.uint16('x00280100') ?? 0;
  if (bitsAllocated !== 8 && bitsAllocated !== 16) {
    throw new ImageError('unsupported_format', `DICOM pixel data of ${bitsAllocated} bits allocated is not supported (8 or 16 are)`);
  }
  const bitsStored = dataSet.uint16('x00280101') ?? bitsAllocated;
  const highBit = dataSet.uint16('x00280102') ?? bitsStored - 1;
  if (bitsStored < 1 || highBit + 1 < bitsStored || highBit >= bitsAllocated) {
    throw new ImageError('undecodable', `DICOM bits stored ${bitsStored} / high bit ${highBit} do not fit ${bitsAllocated} bits allocated`);
  }
  return { bitsAllocated, bitsStored, highBit, signed: dataSet.uint16('x00280103') === 1 };
}

function grayscaleMapping(dataSet: DataSet, invert: boolean): GrayscaleMapping {
  const slope = dataSet.floatString('x00281053') ?? 1;
  const intercept = dataSet.floatString('x00281052') ?? 0;
  // Several windows may be listed (e.g. lung, mediastinum): the first is the default view.
  const center = dataSet.floatString('x00281050', 0);
  const width = dataSet.floatString('x00281051', 0);
  const window = center !== undefined && width !== undefined && width >= 1 ? { center, width } : undefined;
  return window ? { slope, intercept, window, invert } : { slope, intercept, invert };
}

function interleave(planes: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    out[i * 3] = planes[i] ?? 0;
    out[i * 3 + 1] = planes[pixels + i] ?? 0;
    out[i * 3 + 2] = planes[2 * pixels + i] ?? 0;
  }
  return out;
}
