import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

/** One member of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Reads members one at a time by positioned reads: the archive is never held in memory whole. */
export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** The member's bytes, CRC-checked; throws ZipFormatError when they are truncated or corrupt. */
  read(entry: ZipEntry): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The file is not a readable zip; the message says what is wrong, callers add the path. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const U32_MAX = 0xffffffff;
// Positioned reads stay under Node's 2 GiB per-call limit.
const READ_CHUNK = 1 << 26;

export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const entries = await readCentralDirectory(handle, fileSize);
    return { entries, read: (entry) => readEntry(handle, fileSize, entry), close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readCentralDirectory(handle: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  // The end record (22 bytes + a comment of up to 64 KiB) closes the file.
  const tailStart = Math.max(0, fileSize - 22 - 0xffff);
  const tail = await readAt(handle, tailStart, fileSize - tailStart);
  const eocdAt = findSignatureBackwards(tail, EOCD);
  if (eocdAt < 0) throw new ZipFormatError('not a zip archive (no end-of-central-directory record; truncated or another format)');
  const eocd = view(tail, eocdAt);
  let count = eocd.getUint16(10, true);
  let cdSize = eocd.getUint32(12, true);
  let cdOffset = eocd.getUint32(16, true);
  if (cdOffset === U32_MAX || cdSize === U32_MAX || count === 0xffff) {
    ({ count, cdSize, cdOffset } = await readZip64End(handle, tailStart + eocdAt));
  }
  if (cdOffset + cdSize > fileSize) throw new ZipFormatError(`central directory ends at byte ${cdOffset + cdSize} of a ${fileSize}-byte file: truncated`);

  const cd = await readAt(handle, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  for (let at = 0, i = 0; i < count; i++) {
    if (at + 46 > cd.length || view(cd, at).getUint32(0, true) !== CENTRAL_HEADER) throw new ZipFormatError(`central directory entry ${i} is corrupt`);
    const header = view(cd, at);
    const nameLength = header.getUint16(28, true);
    const extraLength = header.getUint16(30, true);
    const commentLength = header.getUint16(32, true);
    const name = new TextDecoder().decode(cd.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      flags: header.getUint16(8, true),
      method: header.getUint16(10, true),
      crc32: header.getUint32(16, true),
      compressedSize: header.getUint32(20, true),
      size: header.getUint32(24, true),
      localHeaderOffset: header.getUint32(42, true),
    };
    applyZip64Extra(entry, cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function readZip64End(handle: FileHandle, eocdOffset: number): Promise<{ count: number; cdSize: number; cdOffset: number }> {
  const locator = eocdOffset >= 20 ? view(await readAt(handle, eocdOffset - 20, 20), 0) : undefined;
  if (locator?.getUint32(0, true) !== EOCD64_LOCATOR) throw new ZipFormatError('zip64 end-of-central-directory locator is missing');
  const record = view(await readAt(handle, Number(locator.getBigUint64(8, true)), 56), 0);
  if (record.byteLength < 56 || record.getUint32(0, true) !== EOCD64) throw new ZipFormatError('zip64 end-of-central-directory record is corrupt');
  return {
    count: Number(record.getBigUint64(32, true)),
    cdSize: Number(record.getBigUint64(40, true)),
    cdOffset: Number(record.getBigUint64(48, true)),
  };
}

/** Sizes and offsets that overflow 32 bits are 0xFFFFFFFF in the header, the real values in this extra field, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const fields = view(extra, at);
    const id = fields.getUint16(0, true);
    const length = fields.getUint16(2, true);
    if (id === ZIP64_EXTRA) {
      let p = 4;
      const next = () => {
        if (p + 8 > 4 + length) throw new ZipFormatError(`zip64 extra field of ${entry.name} is too short`);
        const value = Number(fields.getBigUint64(p, true));
        p += 8;
        return value;
      };
      if (entry.size === U32_MAX) entry.size = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

async function readEntry(handle: FileHandle, fileSize: number, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method} (only stored and deflated are supported)`);
  const local = view(await readAt(handle, entry.localHeaderOffset, Math.min(30, fileSize - entry.localHeaderOffset)), 0);
  if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL_HEADER) throw new ZipFormatError(`local header of ${entry.name} is missing or corrupt`);
  // The local name/extra lengths may differ from the central ones (numpy writes a zip64 extra only locally).
  const dataStart = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (dataStart + entry.compressedSize > fileSize) {
    throw new ZipFormatError(`${entry.name} needs bytes up to ${dataStart + entry.compressedSize} but the file has ${fileSize}: truncated`);
  }

  const out = new Uint8Array(entry.size);
  let checksum = 0;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipFormatError(`stored entry ${entry.name} has different compressed and plain sizes`);
    for (let done = 0; done < entry.size; done += READ_CHUNK) {
      const part = out.subarray(done, Math.min(entry.size, done + READ_CHUNK));
      await handle.read(part, 0, part.length, dataStart + done);
      checksum = crc32(part, checksum);
    }
  } else {
    let written = 0;
    const source = handle.createReadStream({ start: dataStart, end: dataStart + entry.compressedSize - 1, autoClose: false });
    await pipeline(source, createInflateRaw(), async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        if (written + chunk.length > out.length) throw new ZipFormatError(`${entry.name} inflates to more than its declared ${entry.size} bytes`);
        out.set(chunk, written);
        written += chunk.length;
        checksum = crc32(chunk, checksum);
      }
    }).catch((error: unknown) => {
      if (error instanceof ZipFormatError) throw error;
      throw new ZipFormatError(`${entry.name} does not inflate (corrupt): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    if (written !== entry.size) throw new ZipFormatError(`${entry.name} inflates to ${written} bytes, not the declared ${entry.size}: truncated or corrupt`);
  }
  if (checksum !== entry.crc32) throw new ZipFormatError(`${entry.name} fails its CRC-32 check: corrupt`);
  return out;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(Math.max(0, length));
  const { bytesRead } = await handle.read(bytes, 0, bytes.length, position);
  return bytes.subarray(0, bytesRead);
}

function findSignatureBackwards(bytes: Uint8Array, signature: number): number {
  const data = view(bytes, 0);
  for (let at = bytes.length - 22; at >= 0; at--) if (data.getUint32(at, true) === signature) return at;
  return -1;
}

function view(bytes: Uint8Array, at: number): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset + at);
}
