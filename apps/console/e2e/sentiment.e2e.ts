import { describe, expect, it } from 'vitest';
import { PHONE, pageSuite, screenshot, useBrowser } from './browser';

const suite = pageSuite('sentiment page', 'sentiment');
const browser = useBrowser();

describe.skipIf(suite.skip)(suite.name, () => {
  it('classifies as you type and highlights per-token contributions', async () => {
    const page = await browser.open('#/sentiment');
    const text = 'The food was cold and the waiter was rude, a truly awful evening.';
    await page.getByLabel('Text (classified as you type)').pressSequentially(text, { delay: 5 });
    const label = page.getByTestId('sentiment-label');
    await expect.poll(() => label.textContent(), { timeout: 30_000 }).toMatch(/^(negative|positive)$/);
    // On a slow machine a prefix of the text may be classified first: wait for the whole text's result.
    await expect.poll(() => page.getByLabel('Per-token contributions').textContent(), { timeout: 30_000 }).toBe(text);
    const marks = page.getByLabel('Per-token contributions').locator('mark');
    expect(await marks.count()).toBeGreaterThan(3);

    await page.getByRole('button', { name: /^The staff were friendly/ }).click();
    await expect.poll(() => page.getByLabel('Per-token contributions').textContent()).toMatch(/^The staff were friendly/);
    await screenshot(page, 'sentiment-live');
    expect(browser.errors).toEqual([]);
  });

  it('classifies a batch, one text per line', async () => {
    const page = await browser.open('#/sentiment');
    await page.getByLabel('Texts, one per line').fill('I loved every minute of it.\nA waste of money.\n\nIt arrived on time and works as described.');
    await page.getByRole('button', { name: 'Classify all lines' }).click();
    const rows = page.getByTestId('sentiment-batch-results').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).locator('td').first().textContent()).toBe('A waste of money.');
    await screenshot(page, 'sentiment-batch');
  });

  it('refuses a batch that is too long, at phone width', async () => {
    const page = await browser.open('#/sentiment', PHONE);
    await page.getByLabel('Texts, one per line').fill(Array.from({ length: 65 }, (_, i) => `line ${i}`).join('\n'));
    await page.getByRole('button', { name: 'Classify all lines' }).click();
    await expect.poll(() => page.getByRole('alert').last().textContent()).toBe('At most 64 lines at a time (got 65).');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'sentiment-error-phone');
  });
});
