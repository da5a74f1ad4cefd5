import { deflateRawSync } from 'node:zlib';
import { concat } from './zip-writer';

export interface DicomSpec {
  rows: number;
  columns: number;
  bitsAllocated: 8 | 16;
  bitsStored?: number;
  highBit?: number;
  signed?: boolean;
  photometric: string;
  samplesPerPixel?: number;
  /** RGB stored as three planes (PlanarConfiguration 1) rather than interleaved. */
  planar?: boolean;
  rescale?: { slope: number; intercept: number };
  /** Backslash-separated for several windows, e.g. `'40\\400'`. */
  window?: { center: string; width: string };
  /** Stored values (signed ones as negative numbers), written in the stored bits only. */
  samples: number[];
  /** Set the unused bits above the high bit, which readers must ignore. */
  dirtyHighBits?: boolean;
  syntax?: 'explicit' | 'implicit' | 'deflated' | { uid: string };
  /** false: a bare data set, no 128-byte preamble, 'DICM' or file meta group. */
  part10?: boolean;
  /** false: leave out the pixel data element. */
  pixelData?: boolean;
}

const SYNTAX_UIDS = { explicit: '1.2.840.10008.1.2.1', implicit: '1.2.840.10008.1.2', deflated: '1.2.840.10008.1.2.1.99' };
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

interface Element {
  group: number;
  element: number;
  vr: string;
  value: Uint8Array;
}

/** Writes a minimal DICOM image by hand: file meta group, Image Pixel module, VOI/rescale. */
export function encodeDicom(spec: DicomSpec): Uint8Array {
  const syntax = spec.syntax ?? 'explicit';
  const uid = typeof syntax === 'string' ? SYNTAX_UIDS[syntax] : syntax.uid;
  const explicit = syntax !== 'implicit';
  const bitsStored = spec.bitsStored ?? spec.bitsAllocated;
  const elements: Element[] = [
    { group: 0x0008, element: 0x0016, vr: 'UI', value: uidValue(SECONDARY_CAPTURE) },
    { group: 0x0028, element: 0x0002, vr: 'US', value: us(spec.samplesPerPixel ?? 1) },
    { group: 0x0028, element: 0x0004, vr: 'CS', value: text(spec.photometric) },
    ...(spec.planar === undefined ? [] : [{ group: 0x0028, element: 0x0006, vr: 'US', value: us(spec.planar ? 1 : 0) }]),
    { group: 0x0028, element: 0x0010, vr: 'US', value: us(spec.rows) },
    { group: 0x0028, element: 0x0011, vr: 'US', value: us(spec.columns) },
    { group: 0x0028, element: 0x0100, vr: 'US', value: us(spec.bitsAllocated) },
    { group: 0x0028, element: 0x0101, vr: 'US', value: us(bitsStored) },
    { group: 0x0028, element: 0x0102, vr: 'US', value: us(spec.highBit ?? bitsStored - 1) },
    { group: 0x0028, element: 0x0103, vr: 'US', value: us(spec.signed ? 1 : 0) },
    ...(spec.window
      ? [
          { group: 0x0028, element: 0x1050, vr: 'DS', value: text(spec.window.center) },
          { group: 0x0028, element: 0x1051, vr: 'DS', value: text(spec.window.width) },
        ]
      : []),
    ...(spec.rescale
      ? [
          { group: 0x0028, element: 0x1052, vr: 'DS', value: text(String(spec.rescale.intercept)) },
          { group: 0x0028, element: 0x1053, vr: 'DS', value: text(String(spec.rescale.slope)) },
        ]
      : []),
    ...(spec.pixelData === false ? [] : [{ group: 0x7fe0, element: 0x0010, vr: spec.bitsAllocated === 8 ? 'OB' : 'OW', value: pixelBytes(spec, bitsStored) }]),
  ];
  let dataSet = concat(elements.map((e) => encodeElement(e, explicit)));
  if (syntax === 'deflated') dataSet = new Uint8Array(deflateRawSync(dataSet));
  if (spec.part10 === false) return dataSet;
  return concat([new Uint8Array(128), text('DICM'), fileMeta(uid), dataSet]);
}

function fileMeta(transferSyntax: string): Uint8Array {
  const rest = concat([
    encodeElement({ group: 0x0002, element: 0x0001, vr: 'OB', value: Uint8Array.of(0, 1) }, true),
    encodeElement({ group: 0x0002, element: 0x0002, vr: 'UI', value: uidValue(SECONDARY_CAPTURE) }, true),
    encodeElement({ group: 0x0002, element: 0x0003, vr: 'UI', value: uidValue('1.2.826.0.1.3680043.2.1125.1') }, true),
    encodeElement({ group: 0x0002, element: 0x0010, vr: 'UI', value: uidValue(transferSyntax) }, true),
  ]);
  const length = new DataView(new ArrayBuffer(4));
  length.setUint32(0, rest.length, true);
  return concat([encodeElement({ group: 0x0002, element: 0x0000, vr: 'UL', value: new Uint8Array(length.buffer) }, true), rest]);
}

function pixelBytes(spec: DicomSpec, bitsStored: number): Uint8Array {
  const bytes = spec.bitsAllocated / 8;
  const out = new DataView(new ArrayBuffer(Math.ceil((spec.samples.length * bytes) / 2) * 2));
  const highBit = spec.highBit ?? bitsStored - 1;
  const shift = highBit + 1 - bitsStored;
  const dirty = spec.dirtyHighBits ? (2 ** spec.bitsAllocated - 1) ^ (2 ** (highBit + 1) - 1) : 0;
  spec.samples.forEach((value, i) => {
    const raw = (((value & (2 ** bitsStored - 1)) << shift) | dirty) >>> 0;
    if (bytes === 1) out.setUint8(i, raw);
    else out.setUint16(i * 2, raw, true);
  });
  return new Uint8Array(out.buffer);
}

// Explicit VR: these VRs have 2 reserved bytes and a 4-byte length.
const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

function encodeElement({ group, element, vr, value }: Element, explicit: boolean): Uint8Array {
  const long = !explicit || LONG_VRS.has(vr);
  const header = new DataView(new ArrayBuffer(explicit ? (long ? 12 : 8) : 8));
  header.setUint16(0, group, true);
  header.setUint16(2, element, true);
  if (!explicit) header.setUint32(4, value.length, true);
  else {
    header.setUint8(4, vr.charCodeAt(0));
    header.setUint8(5, vr.charCodeAt(1));
    if (long) header.setUint32(8, value.length, true);
    else header.setUint16(6, value.length, true);
  }
  return concat([new Uint8Array(header.buffer), value]);
}

function us(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff, value >> 8);
}

/** Text values are padded to even length with a space, UIDs with a NUL. */
function text(value: string, pad = ' '): Uint8Array {
  const padded = value.length % 2 ? value + pad : value;
  return Uint8Array.from(padded, (c) => c.charCodeAt(0));
}

function uidValue(uid: string): Uint8Array {
  return text(uid, '\0');
}
