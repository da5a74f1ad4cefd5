import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipMember {
  name: string;
  data: Uint8Array;
  method?: 'stored' | 'deflated';
}

/**
 * Writes a zip by hand, so the reader is tested against the format rather than a library.
 * `zip64` writes every size and offset through zip64 extra fields and end records, as numpy
 * does for arrays over 4 GiB, here for small data.
 */
export function encodeZip(members: ZipMember[], options: { zip64?: boolean } = {}): Uint8Array {
  const zip64 = options.zip64 ?? false;
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const member of members) {
    const name = new TextEncoder().encode(member.name);
    const deflated = member.method === 'deflated';
    const body = deflated ? new Uint8Array(deflateRawSync(member.data)) : member.data;
    const crc = crc32(member.data);
    const extra = zip64 ? zip64Extra([member.data.length, body.length, offset]) : new Uint8Array(0);
    const sizes = (h: DataView, at: number) => {
      h.setUint32(at, zip64 ? 0xffffffff : body.length, true);
      h.setUint32(at + 4, zip64 ? 0xffffffff : member.data.length, true);
    };

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, zip64 ? 45 : 20, true);
    local.setUint16(8, deflated ? 8 : 0, true);
    local.setUint32(14, crc, true);
    sizes(local, 18);
    local.setUint16(26, name.length, true);
    // Local extra: sizes only (the offset field belongs to the central record).
    const localExtra = zip64 ? zip64Extra([member.data.length, body.length]) : extra;
    local.setUint16(28, localExtra.length, true);
    parts.push(new Uint8Array(local.buffer), name, localExtra, body);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, zip64 ? 45 : 20, true);
    header.setUint16(6, zip64 ? 45 : 20, true);
    header.setUint16(10, deflated ? 8 : 0, true);
    header.setUint32(16, crc, true);
    sizes(header, 20);
    header.setUint16(28, name.length, true);
    header.setUint16(30, extra.length, true);
    header.setUint32(42, zip64 ? 0xffffffff : offset, true);
    central.push(new Uint8Array(header.buffer), name, extra);
    offset += 30 + name.length + localExtra.length + body.length;
  }
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  const ends: Uint8Array[] = [];
  if (zip64) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(members.length), true);
    record.setBigUint64(32, BigInt(members.length), true);
    record.setBigUint64(40, BigInt(cdSize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + cdSize), true);
    locator.setUint32(16, 1, true);
    ends.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, zip64 ? 0xffff : members.length, true);
  eocd.setUint16(10, zip64 ? 0xffff : members.length, true);
  eocd.setUint32(12, zip64 ? 0xffffffff : cdSize, true);
  eocd.setUint32(16, zip64 ? 0xffffffff : offset, true);
  return concat([...parts, ...central, ...ends, new Uint8Array(eocd.buffer)]);
}

function zip64Extra(values: number[]): Uint8Array {
  const extra = new DataView(new ArrayBuffer(4 + 8 * values.length));
  extra.setUint16(0, 0x0001, true);
  extra.setUint16(2, 8 * values.length, true);
  values.forEach((v, i) => extra.setBigUint64(4 + 8 * i, BigInt(v), true));
  return new Uint8Array(extra.buffer);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
