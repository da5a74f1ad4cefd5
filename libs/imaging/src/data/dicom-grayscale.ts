/** How stored DICOM samples are laid out (PS3.3 C.7.6.3 Image Pixel module). */
export interface SampleLayout {
  bitsAllocated: 8 | 16;
  bitsStored: number;
  highBit: number;
  signed: boolean;
}

/** Modality LUT (rescale) and VOI LUT (window) parameters, plus MONOCHROME1's inversion. */
export interface GrayscaleMapping {
  slope: number;
  intercept: number;
  /** Linear VOI window; without one the rescaled range is stretched min–max. */
  window?: { center: number; width: number };
  /** MONOCHROME1: the minimum value is white. */
  invert: boolean;
}

/**
 * Little-endian stored samples → 8-bit display values: rescale (slope/intercept), then the
 * DICOM LINEAR window function (PS3.3 C.11.2.1.2.1) or a min–max stretch, then inversion for
 * MONOCHROME1. As in viewers, the chain is evaluated once per possible stored code (at most
 * 65,536) into a lookup table, so a 9-megapixel radiograph costs two passes of table reads.
 */
export function toDisplayGray(bytes: Uint8Array, offset: number, count: number, layout: SampleLayout, mapping: GrayscaleMapping): Uint8Array {
  const codes = readCodes(bytes, offset, count, layout);
  const codeCount = 2 ** layout.bitsStored;
  const signBit = codeCount / 2;
  const rescaled = (code: number) => (layout.signed && code >= signBit ? code - codeCount : code) * mapping.slope + mapping.intercept;
  const toDisplay = mapping.window ? linearWindow(mapping.window) : minMaxStretch(codes, codeCount, rescaled);
  const lut = new Uint8Array(codeCount);
  for (let code = 0; code < codeCount; code++) {
    const y = toDisplay(rescaled(code));
    lut[code] = mapping.invert ? 255 - y : y;
  }
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = lut[codes[i]!]!;
  return out;
}

/** The stored bits of each sample as an unsigned code; the caller checked they lie within `bytes`. */
function readCodes(bytes: Uint8Array, offset: number, count: number, layout: SampleLayout): Uint16Array {
  const shift = layout.highBit + 1 - layout.bitsStored;
  const mask = 2 ** layout.bitsStored - 1;
  const codes = new Uint16Array(count);
  if (layout.bitsAllocated === 8) for (let i = 0; i < count; i++) codes[i] = (bytes[offset + i]! >> shift) & mask;
  else for (let i = 0; i < count; i++) codes[i] = ((bytes[offset + 2 * i]! | (bytes[offset + 2 * i + 1]! << 8)) >> shift) & mask;
  return codes;
}

function linearWindow({ center, width }: { center: number; width: number }): (x: number) => number {
  const lower = center - 0.5 - (width - 1) / 2;
  const upper = center - 0.5 + (width - 1) / 2;
  return (x) => {
    if (x <= lower) return 0;
    if (x > upper) return 255;
    return Math.round(((x - (center - 0.5)) / (width - 1) + 0.5) * 255);
  };
}

/** Stretches the rescaled values the image actually holds to 0–255. */
function minMaxStretch(codes: Uint16Array, codeCount: number, rescaled: (code: number) => number): (x: number) => number {
  const present = new Uint8Array(codeCount);
  for (let i = 0; i < codes.length; i++) present[codes[i]!] = 1;
  let min = Infinity;
  let max = -Infinity;
  for (let code = 0; code < codeCount; code++) {
    if (!present[code]) continue;
    min = Math.min(min, rescaled(code));
    max = Math.max(max, rescaled(code));
  }
  const range = max - min;
  return (x) => (range > 0 ? Math.round(((x - min) / range) * 255) : 0);
}
