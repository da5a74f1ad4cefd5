import { crc32, deflateSync } from 'node:zlib';
import { concat } from './zip-writer';

/**
 * A PNG whose IHDR declares `width × height` 8-bit grayscale with a valid CRC, but whose data
 * holds only `dataBytes` zero bytes: a decompression bomb when the declared size is huge.
 */
export function pngDeclaring(width: number, height: number, dataBytes = 1024): Uint8Array {
  const ihdr = new DataView(new ArrayBuffer(13));
  ihdr.setUint32(0, width);
  ihdr.setUint32(4, height);
  ihdr.setUint8(8, 8); // bit depth
  ihdr.setUint8(9, 0); // grayscale
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', new Uint8Array(ihdr.buffer)),
    chunk('IDAT', new Uint8Array(deflateSync(new Uint8Array(dataBytes)))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new DataView(new ArrayBuffer(12 + data.length));
  out.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out.setUint8(4 + i, type.charCodeAt(i));
  new Uint8Array(out.buffer).set(data, 8);
  out.setUint32(8 + data.length, crc32(new Uint8Array(out.buffer, 4, 4 + data.length)));
  return new Uint8Array(out.buffer);
}
