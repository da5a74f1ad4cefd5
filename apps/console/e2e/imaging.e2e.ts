import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHONE, pageSuite, screenshot, useBrowser } from './browser';

const suite = pageSuite('medical imaging page', 'medical-imaging');
const browser = useBrowser();

/** A synthetic "X-ray": a soft bright oval on black, made here so no dataset image is committed. */
async function syntheticXray(): Promise<Buffer> {
  const size = 64;
  const pixels = Buffer.alloc(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot((x - 32) / 24, (y - 32) / 28);
      pixels[y * size + x] = Math.max(0, Math.round(220 * (1 - d)));
    }
  }
  return sharp(pixels, { raw: { width: size, height: size, channels: 1 } }).png().toBuffer();
}

describe.skipIf(suite.skip)(suite.name, () => {
  it('classifies an uploaded X-ray and shows probabilities and the saliency heatmap', async () => {
    const page = await browser.open('#/imaging');
    await page.getByLabel(/Choose an X-ray/).setInputFiles({ name: 'chest.png', mimeType: 'image/png', buffer: await syntheticXray() });
    const label = page.getByTestId('imaging-label');
    await label.waitFor();
    expect(['normal', 'pneumonia']).toContain(await label.textContent());
    const meters = page.getByRole('list', { name: 'Class probabilities' }).locator('meter');
    expect(await meters.count()).toBe(2);
    const values = await meters.evaluateAll((nodes) => nodes.map((n) => (n as HTMLMeterElement).value));
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);

    const image = page.getByRole('img', { name: /chest\.png with the saliency heatmap/ });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThanOrEqual(224);
    await page.getByLabel(/Show saliency heatmap/).uncheck();
    expect(await page.getByRole('img', { name: 'chest.png' }).getAttribute('src')).toMatch(/^blob:/);
    await screenshot(page, 'imaging-prediction');
    expect(browser.errors).toEqual([]);
  });

  it('classifies a sample X-ray from the validation split when the dataset is present', async () => {
    const page = await browser.open('#/imaging');
    const samples = page.getByRole('button', { name: /^Sample X-ray/ });
    await page.waitForTimeout(1000);
    if ((await samples.count()) === 0) return console.log('imaging: no sample X-rays (dataset missing); sample flow not exercised');
    await samples.first().click();
    await page.getByTestId('imaging-label').waitFor();
    await screenshot(page, 'imaging-sample');
  });

  it('explains a broken upload at phone width', async () => {
    const page = await browser.open('#/imaging', PHONE);
    const input = page.getByLabel(/Choose an X-ray/);
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('notes.txt is not a PNG, JPEG or DICOM image.');

    // Named like an image but not one: the service refuses it and the page shows its reason.
    await input.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('definitely not a PNG file') });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/\S/);
    const message = await page.getByRole('alert').first().textContent();
    expect(message).not.toBe('notes.txt is not a PNG, JPEG or DICOM image.');
    expect(await page.getByTestId('imaging-label').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'imaging-error-phone');
  });
});
