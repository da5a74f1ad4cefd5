import { describe, expect, inject, it } from 'vitest';
import { PHONE, screenshot, useBrowser } from './browser';
import { DOMAIN_SERVICES } from './suite';

const browser = useBrowser();
const availability = inject('availability');

describe('status page', () => {
  it("shows each service's state, and model card and request metrics for the running ones", async () => {
    const page = await browser.open('#/status');
    for (const id of DOMAIN_SERVICES) {
      const card = page.getByTestId(`status-${id}`);
      await card.waitFor();
      const badge = (await card.locator('.badge').textContent()) ?? '';
      if (availability[id].state !== 'ready') {
        expect(badge).toMatch(/Not running|Starting/);
        continue;
      }
      expect(badge).toBe('Ready');
      expect(await card.getByRole('table').locator('caption').textContent()).toBe('Model metrics, with the split they were measured on');
      expect(await card.locator('dl.metrics dt').first().textContent()).toBe('Requests');
    }
    await screenshot(page, 'status');
    expect(browser.errors).toEqual([]);
  });

  it('says "not running" on the status page and on every page when no service is up, at phone width', async () => {
    const base = inject('orphanConsoleUrl');
    const status = await browser.open('#/status', PHONE, base);
    await status.getByTestId('status-fraud').waitFor();
    for (const id of DOMAIN_SERVICES) expect(await status.getByTestId(`status-${id}`).locator('.badge').textContent()).toBe('Not running');
    await screenshot(status, 'status-all-down-phone');

    const fraud = await browser.open('#/fraud', PHONE, base);
    await expect.poll(() => fraud.locator('.notice').textContent()).toMatch(/^The fraud service is not running/);
    await fraud.getByRole('button', { name: 'Score', exact: true }).click();
    await expect.poll(() => fraud.getByRole('alert').last().textContent()).toMatch(/^The fraud service is not running \(nothing answers at http:/);
    expect(await fraud.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(fraud, 'fraud-service-down-phone');
  });
});
