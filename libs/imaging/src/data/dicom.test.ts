import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image';
import { encodeDicom, type DicomSpec } from './test-support/dicom-writer';
import { refusal } from './test-support/refusal';

const gray = (spec: Partial<DicomSpec> & Pick<DicomSpec, 'samples' | 'columns'>): Uint8Array =>
  encodeDicom({ rows: 1, bitsAllocated: 8, photometric: 'MONOCHROME2', ...spec });

async function pixels(bytes: Uint8Array, contentType?: string): Promise<number[]> {
  return [...(await decodeImage(bytes, contentType ? { contentType } : {})).pixels];
}

describe('decodeImage: DICOM grayscale', () => {
  it('stretches min–max without a window; MONOCHROME1 is inverted', async () => {
    const samples = [0, 10, 20, 30, 40, 50];
    const image = await decodeImage(encodeDicom({ rows: 2, columns: 3, bitsAllocated: 8, photometric: 'MONOCHROME2', samples }));
    expect(image).toEqual({ pixels: Uint8Array.of(0, 51, 102, 153, 204, 255), width: 3, height: 2, channels: 1, format: 'dicom' });
    expect(await pixels(gray({ columns: 6, samples, photometric: 'MONOCHROME1' }))).toEqual([255, 204, 153, 102, 51, 0]);
    expect(await pixels(gray({ columns: 3, samples: [7, 7, 7] }))).toEqual([0, 0, 0]); // flat image: no range to stretch
  });

  it('applies rescale then the first window: a CT slice in Hounsfield units', async () => {
    // Stored 0…2000 → HU −1024…976; soft-tissue window 40/400 spans (−160, 239].
    const ct = gray({
      columns: 5,
      bitsAllocated: 16,
      samples: [0, 1000, 1024, 1064, 2000],
      rescale: { slope: 1, intercept: -1024 },
      window: { center: '40\\-600', width: '400\\1500' },
    });
    // −24 HU → ((−24 − 39.5) / 399 + 0.5) × 255 = 86.9; 0 → 102.3; 40 → 127.8
    expect(await pixels(ct)).toEqual([0, 87, 102, 128, 255]);
  });

  it('inverts MONOCHROME1 after a window over fractional rescaling', async () => {
    // Stored 0/100/200 × 0.5 + 10 → 10/60/110; window 60/101 → 1.3, 128.8, 255 → inverted.
    const bytes = gray({ columns: 3, samples: [0, 100, 200], photometric: 'MONOCHROME1', rescale: { slope: 0.5, intercept: 10 }, window: { center: '60', width: '101' } });
    expect(await pixels(bytes)).toEqual([254, 126, 0]);
  });

  it('reads signed 12-bit samples in 16 bits, ignoring the unused high bits (implicit VR)', async () => {
    const bytes = gray({ columns: 4, bitsAllocated: 16, bitsStored: 12, signed: true, dirtyHighBits: true, samples: [-2048, -1, 0, 2047], syntax: 'implicit' });
    // min–max over −2048…2047: −1 → 127.47, 0 → 127.53
    expect(await pixels(bytes)).toEqual([0, 127, 128, 255]);
  });

  it('reads unsigned 16-bit samples over their full range', async () => {
    expect(await pixels(gray({ columns: 3, bitsAllocated: 16, samples: [0, 32768, 65535] }))).toEqual([0, 128, 255]);
  });

  it('reads a deflated data set, and bare data sets sent as application/dicom', async () => {
    expect(await pixels(gray({ columns: 2, samples: [0, 255], syntax: 'deflated' }))).toEqual([0, 255]);
    for (const syntax of ['explicit', 'implicit'] as const) {
      const bare = gray({ columns: 3, samples: [3, 6, 9], part10: false, syntax });
      expect(await pixels(bare, 'application/dicom; charset=binary')).toEqual([0, 128, 255]);
      expect(await refusal(bare)).toMatchObject({ code: 'unsupported_format' }); // without the header it is not recognisable
    }
  });
});

describe('decodeImage: DICOM RGB', () => {
  it('reads interleaved and planar 8-bit RGB', async () => {
    const rgb = (planar: boolean, samples: number[]) => encodeDicom({ rows: 1, columns: 2, bitsAllocated: 8, samplesPerPixel: 3, photometric: 'RGB', planar, samples });
    expect(await decodeImage(rgb(false, [1, 2, 3, 4, 5, 6]))).toMatchObject({ pixels: Uint8Array.of(1, 2, 3, 4, 5, 6), channels: 3 });
    expect(await pixels(rgb(true, [1, 4, 2, 5, 3, 6]))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('decodeImage: DICOM refusals', () => {
  it('refuses a file without pixel data, or with less than one frame of it', async () => {
    expect(await refusal(gray({ columns: 2, samples: [], pixelData: false }))).toMatchObject({
      code: 'undecodable',
      status: 422,
      message: 'DICOM file has no pixel data (7FE0,0010)',
    });
    const whole = encodeDicom({ rows: 4, columns: 4, bitsAllocated: 16, photometric: 'MONOCHROME2', samples: new Array(16).fill(9) });
    expect(await refusal(whole.subarray(0, whole.length - 10))).toMatchObject({ code: 'undecodable', message: expect.stringMatching(/buffer overrun/) });
    expect(await refusal(whole.subarray(0, 200))).toMatchObject({ code: 'undecodable', message: expect.stringMatching(/no transfer syntax/) });
    const halfFrame = encodeDicom({ rows: 4, columns: 4, bitsAllocated: 16, photometric: 'MONOCHROME2', samples: new Array(8).fill(9) });
    expect((await refusal(halfFrame)).message).toBe('DICOM pixel data holds 16 bytes, a 4×4 frame needs 32: truncated or corrupt');
  });

  it('refuses compressed, big-endian and colour-palette images by name', async () => {
    const jpeg = gray({ columns: 2, samples: [1, 2], syntax: { uid: '1.2.840.10008.1.2.4.50' } });
    expect(await refusal(jpeg)).toMatchObject({
      code: 'unsupported_format',
      status: 415,
      message: 'DICOM transfer syntax 1.2.840.10008.1.2.4.50 (JPEG Baseline) is not supported; send uncompressed little-endian DICOM',
    });
    expect((await refusal(gray({ columns: 2, samples: [1, 2], syntax: { uid: '1.2.840.10008.1.2.2' } }))).message).toMatch(/Big Endian/);
    expect((await refusal(gray({ columns: 2, samples: [1, 2], photometric: 'PALETTE COLOR' }))).message).toBe(
      'DICOM PALETTE COLOR with 1 sample(s) of 8 bits is not supported (MONOCHROME1/2 at 8/16 bits and 8-bit RGB are)',
    );
  });

  it('refuses an image over the pixel limit before reading its pixels', async () => {
    const huge = encodeDicom({ rows: 60_000, columns: 60_000, bitsAllocated: 16, photometric: 'MONOCHROME2', samples: [], pixelData: false });
    expect(await refusal(huge)).toMatchObject({ code: 'too_many_pixels', status: 413, message: expect.stringContaining('60000×60000') });
  });
});
