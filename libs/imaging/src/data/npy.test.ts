import { describe, expect, it } from 'vitest';
import { NpyFormatError, parseNpy, toInt32 } from './npy';
import { encodeNpy } from './test-support/npy-writer';

describe('parseNpy', () => {
  it('reads the header and gives a view on the data', () => {
    const bytes = encodeNpy('|u1', [2, 3], [1, 2, 3, 4, 5, 6]);
    const array = parseNpy(bytes);
    expect(array).toMatchObject({ dtype: '|u1', shape: [2, 3] });
    expect([...array.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(array.data.buffer).toBe(bytes.buffer); // no copy: images of a large split are not duplicated
  });

  it('reads a version 2.0 header (4-byte header length)', () => {
    const v1 = encodeNpy('|u1', [4], [9, 8, 7, 6]);
    const headerLength = v1[8]! | (v1[9]! << 8);
    const v2 = new Uint8Array(v1.length + 2);
    v2.set(v1.subarray(0, 6));
    v2.set([2, 0, headerLength & 0xff, headerLength >> 8, 0, 0], 6);
    v2.set(v1.subarray(10), 12);
    expect(parseNpy(v2)).toMatchObject({ dtype: '|u1', shape: [4] });
    expect([...parseNpy(v2).data]).toEqual([9, 8, 7, 6]);
  });

  it('refuses bad magic, Fortran order and data that does not match the shape', () => {
    expect(() => parseNpy(new TextEncoder().encode('PK\x03\x04 not numpy'))).toThrow(/bad magic/);
    expect(() => parseNpy(encodeNpy('|u1', [2, 2], [1, 2, 3, 4], { fortranOrder: true }))).toThrow(/Fortran-ordered/);
    const full = encodeNpy('|u1', [2, 28, 28], new Uint8Array(2 * 28 * 28));
    expect(() => parseNpy(full.subarray(0, full.length - 1))).toThrow('shape (2, 28, 28) of |u1 needs 1568 data bytes but the array holds 1567: truncated or corrupt');
    expect(() => parseNpy(full.subarray(0, 40))).toThrow(NpyFormatError);
  });
});

describe('toInt32', () => {
  it('converts integer labels of any width and byte order', () => {
    expect([...toInt32(parseNpy(encodeNpy('<i8', [3, 1], [0, 7, 2_000_000_000])))]).toEqual([0, 7, 2_000_000_000]);
    expect([...toInt32(parseNpy(encodeNpy('>i2', [3], [-5, 300, 1])))]).toEqual([-5, 300, 1]);
  });

  it('refuses floats and values beyond 32 bits', () => {
    expect(() => toInt32(parseNpy(encodeNpy('<f4', [2], [0, 1])))).toThrow('dtype <f4 is not an integer type');
    expect(() => toInt32(parseNpy(encodeNpy('<i8', [2], [1, 2 ** 40])))).toThrow('value 1099511627776 at index 1 does not fit 32 bits');
  });
});
