/** numpy type strings the tests write, with how to store one element. */
const WRITERS: Record<string, { size: number; write: (v: DataView, at: number, x: number) => void }> = {
  '|u1': { size: 1, write: (v, at, x) => v.setUint8(at, x) },
  '<i8': { size: 8, write: (v, at, x) => v.setBigInt64(at, BigInt(x), true) },
  '>i2': { size: 2, write: (v, at, x) => v.setInt16(at, x, false) },
  '<f4': { size: 4, write: (v, at, x) => v.setFloat32(at, x, true) },
};

/** A version 1.0 `.npy` exactly as numpy lays it out (header padded so data starts on 64 bytes). */
export function encodeNpy(dtype: keyof typeof WRITERS, shape: number[], values: ArrayLike<number>, options: { fortranOrder?: boolean } = {}): Uint8Array {
  const writer = WRITERS[dtype];
  if (!writer) throw new Error(`encodeNpy: no writer for ${dtype}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${dtype}', 'fortran_order': ${options.fortranOrder ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const headerLength = Math.ceil((10 + dict.length + 1) / 64) * 64 - 10;
  const header = `\x93NUMPY\x01\x00${String.fromCharCode(headerLength & 0xff, headerLength >> 8)}${dict.padEnd(headerLength - 1, ' ')}\n`;
  const out = new Uint8Array(header.length + values.length * writer.size);
  for (let i = 0; i < header.length; i++) out[i] = header.charCodeAt(i);
  const view = new DataView(out.buffer, header.length);
  for (let i = 0; i < values.length; i++) writer.write(view, i * writer.size, values[i] ?? 0);
  return out;
}
