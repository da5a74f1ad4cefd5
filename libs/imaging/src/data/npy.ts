/** A parsed `.npy` array: header fields and a view on its data bytes (no copy). */
export interface NpyArray {
  /** numpy's type string, e.g. `|u1`, `<i8`. */
  dtype: string;
  shape: number[];
  data: Uint8Array;
}

/** The bytes are not a well-formed `.npy` array; callers add which file and array. */
export class NpyFormatError extends Error {
  override readonly name = 'NpyFormatError';
}

const MAGIC = '\x93NUMPY';

/**
 * Parses the NPY format (versions 1–3): magic, header length, a Python dict literal
 * `{'descr': …, 'fortran_order': …, 'shape': (…), }`, then the raw C-order data, whose length
 * must match the shape exactly.
 */
export function parseNpy(bytes: Uint8Array): NpyArray {
  if (bytes.length < 10 || String.fromCharCode(...bytes.subarray(0, 6)) !== MAGIC) throw new NpyFormatError('not a .npy array (bad magic)');
  const major = bytes[6];
  if (major !== 1 && major !== 2 && major !== 3) throw new NpyFormatError(`unknown .npy version ${major}`);
  // Version 1 stores the header length in 2 bytes, versions 2 and 3 in 4.
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) throw new NpyFormatError('.npy header is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new NpyFormatError('.npy header runs past the end of the array: truncated');
  const header = new TextDecoder().decode(bytes.subarray(headerStart, dataStart));

  const dtype = /['"]descr['"]\s*:\s*['"]([^'"]+)['"]/.exec(header)?.[1];
  const fortranOrder = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (dtype === undefined || fortranOrder === undefined || shapeText === undefined) throw new NpyFormatError(`.npy header is malformed: ${header.trim()}`);
  if (fortranOrder === 'True') throw new NpyFormatError('Fortran-ordered arrays are not supported (save with C order)');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (shape.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new NpyFormatError(`.npy shape (${shapeText}) is malformed`);

  const expected = shape.reduce((a, b) => a * b, 1) * itemSize(dtype);
  const data = bytes.subarray(dataStart);
  if (data.length !== expected) {
    throw new NpyFormatError(`shape (${shape.join(', ')}) of ${dtype} needs ${expected} data bytes but the array holds ${data.length}: truncated or corrupt`);
  }
  return { dtype, shape, data };
}

/** Integer arrays of any width and byte order → Int32Array; values must fit. */
export function toInt32(array: NpyArray): Int32Array {
  const kind = array.dtype.slice(1, 2);
  const size = itemSize(array.dtype);
  if ((kind !== 'u' && kind !== 'i') || ![1, 2, 4, 8].includes(size)) throw new NpyFormatError(`dtype ${array.dtype} is not an integer type`);
  const littleEndian = !array.dtype.startsWith('>');
  const view = new DataView(array.data.buffer, array.data.byteOffset, array.data.byteLength);
  const read = READERS[`${kind}${size}`] as Reader;
  const out = new Int32Array(array.data.length / size);
  for (let i = 0; i < out.length; i++) {
    const value = read(view, i * size, littleEndian);
    if (value < -0x80000000 || value > 0x7fffffff) throw new NpyFormatError(`value ${value} at index ${i} does not fit 32 bits`);
    out[i] = Number(value);
  }
  return out;
}

type Reader = (view: DataView, at: number, littleEndian: boolean) => number | bigint;
const READERS: Record<string, Reader> = {
  u1: (v, at) => v.getUint8(at),
  i1: (v, at) => v.getInt8(at),
  u2: (v, at, le) => v.getUint16(at, le),
  i2: (v, at, le) => v.getInt16(at, le),
  u4: (v, at, le) => v.getUint32(at, le),
  i4: (v, at, le) => v.getInt32(at, le),
  u8: (v, at, le) => v.getBigUint64(at, le),
  i8: (v, at, le) => v.getBigInt64(at, le),
};

/** Bytes per element: the digits after the byte-order and kind characters (`<f4` → 4). */
function itemSize(dtype: string): number {
  const size = Number(dtype.slice(2));
  if (!/^[<>|=][a-zA-Z]\d+$/.test(dtype) || !(size > 0)) throw new NpyFormatError(`dtype ${dtype} is not supported (structured or object arrays cannot be read)`);
  return size;
}
