import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image';
import { pngDeclaring } from './test-support/png-writer';
import { refusal } from './test-support/refusal';

const raw = (pixels: number[], width: number, height: number, channels: 1 | 2 | 3 | 4) =>
  sharp(Buffer.from(pixels), { raw: { width, height, channels } });

describe('decodeImage: PNG and JPEG', () => {
  it('decodes grayscale and RGB PNG exactly', async () => {
    const gray = await raw([0, 50, 100, 150, 200, 255], 3, 2, 1).toColourspace('b-w').png().toBuffer();
    expect(await decodeImage(gray)).toEqual({ pixels: Uint8Array.of(0, 50, 100, 150, 200, 255), width: 3, height: 2, channels: 1, format: 'png' });
    const rgb = await raw([255, 0, 0, 0, 255, 0], 2, 1, 3).png().toBuffer();
    expect(await decodeImage(rgb)).toMatchObject({ pixels: Uint8Array.of(255, 0, 0, 0, 255, 0), channels: 3 });
  });

  it('composites alpha over black and scales 16-bit samples to 8 bits', async () => {
    const grayAlpha = await raw([200, 128, 100, 255, 50, 0, 10, 255], 2, 2, 2).toColourspace('b-w').png().toBuffer();
    expect(await decodeImage(grayAlpha)).toMatchObject({ pixels: Uint8Array.of(100, 100, 0, 10), channels: 1 });
    const rgba = await raw([255, 0, 0, 128, 0, 0, 255, 0], 2, 1, 4).png().toBuffer();
    expect(await decodeImage(rgba)).toMatchObject({ pixels: Uint8Array.of(128, 0, 0, 0, 0, 0), channels: 3 });
    const gray16 = await sharp(new Uint16Array([0, 25700, 65535]), { raw: { width: 3, height: 1, channels: 1 } }).toColourspace('grey16').png().toBuffer();
    expect(await decodeImage(gray16)).toMatchObject({ pixels: Uint8Array.of(0, 100, 255), channels: 1 });
  });

  it('decodes grayscale and colour JPEG, applying EXIF orientation', async () => {
    const gray = await raw([10, 10, 10, 10, 200, 200, 200, 200], 4, 2, 1).toColourspace('b-w').jpeg({ quality: 100 }).toBuffer();
    const decodedGray = await decodeImage(gray);
    expect(decodedGray).toMatchObject({ width: 4, height: 2, channels: 1, format: 'jpeg' });
    expect(Math.max(...decodedGray.pixels.map((v, i) => Math.abs(v - (i < 4 ? 10 : 200))))).toBeLessThanOrEqual(3);
    const rotated = await raw(new Array(4 * 2 * 3).fill(90), 4, 2, 3).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await decodeImage(rotated)).toMatchObject({ width: 2, height: 4, channels: 3 });
  });
});

describe('decodeImage: refusals', () => {
  it('refuses a PNG bomb from its header, without decoding it', async () => {
    const started = performance.now();
    const error = await refusal(pngDeclaring(100_000, 100_000));
    expect(performance.now() - started).toBeLessThan(500); // 10 GB of pixels were never allocated
    expect(error).toMatchObject({ code: 'too_many_pixels', status: 413 });
    expect(error.message).toBe('Image is 100000×100000 (10,000,000,000 pixels), over the 25,000,000-pixel limit');
  });

  it('applies maxPixels exactly at the limit', async () => {
    expect(await refusal(pngDeclaring(1001, 1000), { maxPixels: 1_000_000 })).toMatchObject({ code: 'too_many_pixels' });
    // At the limit the header passes; this one then fails because its data holds 1 KB, not 1 MB.
    expect(await refusal(pngDeclaring(1000, 1000), { maxPixels: 1_000_000 })).toMatchObject({ code: 'undecodable', status: 422 });
  });

  it('refuses truncated and corrupt PNG and JPEG as undecodable', async () => {
    const noise = Buffer.from(Array.from({ length: 64 * 48 * 3 }, (_, i) => (i * 7919) % 251));
    const png = await sharp(noise, { raw: { width: 64, height: 48, channels: 3 } }).png().toBuffer();
    const jpeg = await sharp(noise, { raw: { width: 64, height: 48, channels: 3 } }).jpeg().toBuffer();
    const truncatedPng = await refusal(png.subarray(0, png.length - 200));
    expect(truncatedPng).toMatchObject({ code: 'undecodable', status: 422 });
    expect(truncatedPng.message).toMatch(/^PNG image does not decode \(truncated or corrupt\)/);
    // Cut after IHDR: the size is known from the header, so the decoder is what fails.
    expect(await refusal(png.subarray(0, 40))).toMatchObject({ code: 'undecodable', message: expect.stringMatching(/^PNG image does not decode \(truncated or corrupt\)/) });
    expect(await refusal(png.subarray(0, 20))).toMatchObject({ code: 'undecodable', message: expect.stringMatching(/^PNG header does not decode/) });
    expect(await refusal(jpeg.subarray(0, jpeg.length - 100))).toMatchObject({ code: 'undecodable', message: expect.stringMatching(/^JPEG image does not decode/) });
    const corrupt = Buffer.from(png);
    corrupt.fill(0x55, 100, 300); // inside IDAT: the chunk CRC no longer matches
    expect(await refusal(corrupt)).toMatchObject({ code: 'undecodable' });
  });

  it('refuses empty bodies, random bytes and other image formats', async () => {
    expect(await refusal(new Uint8Array(0))).toMatchObject({ code: 'empty', status: 422, message: 'Image body is empty' });
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(await refusal(random)).toMatchObject({
      code: 'unsupported_format',
      status: 415,
      message: 'Body is not a recognisable image (no PNG, JPEG or DICOM signature); send PNG, JPEG or DICOM',
    });
    const gif = await raw([1, 2, 3], 1, 1, 3).gif().toBuffer();
    const webp = await raw([1, 2, 3], 1, 1, 3).webp().toBuffer();
    const tiff = await raw([1, 2, 3], 1, 1, 3).tiff().toBuffer();
    expect((await refusal(gif)).message).toBe('GIF images are not supported; send PNG, JPEG or DICOM');
    expect((await refusal(webp)).message).toBe('WebP images are not supported; send PNG, JPEG or DICOM');
    expect((await refusal(tiff)).message).toBe('TIFF images are not supported; send PNG, JPEG or DICOM');
  });

  it('does not trust the Content-Type: a PNG sent as application/dicom is a PNG', async () => {
    const png = await raw([7], 1, 1, 1).toColourspace('b-w').png().toBuffer();
    expect(await decodeImage(png, { contentType: 'application/dicom' })).toMatchObject({ format: 'png', pixels: Uint8Array.of(7) });
  });
});
