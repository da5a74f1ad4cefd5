import { describe, expect, it } from 'vitest';
import { PHONE, pageSuite, screenshot, useBrowser } from './browser';

const suite = pageSuite('fraud page', 'fraud');
const browser = useBrowser();

const scoredCount = async (text: string | null) => Number(/^(\d+) scored/.exec(text ?? '')?.[1] ?? 0);

describe.skipIf(suite.skip)(suite.name, () => {
  it('streams simulated transactions, charts their scores and lists alerts with reasons', async () => {
    const page = await browser.open('#/fraud');
    await page.getByLabel('Rate').selectOption('50');
    await page.getByRole('button', { name: 'Start live stream' }).click();
    const counters = page.getByTestId('fraud-counters');
    await expect.poll(async () => scoredCount(await counters.textContent()), { timeout: 60_000 }).toBeGreaterThanOrEqual(300);
    await page.getByRole('button', { name: 'Stop live stream' }).click();

    expect(await page.locator('svg.score-chart circle').count()).toBe(200);
    const chartLabel = await page.getByRole('img', { name: /Fraud scores of the last 200 transactions/ }).getAttribute('aria-label');
    const alertCount = Number(/(\d+) flagged/.exec(chartLabel ?? '')?.[1]);
    expect(alertCount).toBeGreaterThan(0);
    const firstAlert = page.getByTestId('fraud-alerts').locator('li.alert').first();
    expect(await firstAlert.textContent()).toMatch(/^(review|decline) · score [01]\.\d{3}/);
    expect(await firstAlert.locator('.reasons li').count()).toBeGreaterThan(0);
    await screenshot(page, 'fraud-stream');
    expect(browser.errors).toEqual([]);
  });

  it('scores one transaction from the form', async () => {
    const page = await browser.open('#/fraud');
    await page.getByLabel('Amount (EUR)').fill('1250');
    await page.getByLabel('Channel').selectOption('online');
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    const result = page.getByTestId('fraud-single-result');
    await expect.poll(() => result.textContent()).toMatch(/^(approve|review|decline) · score [01]\.\d{3}/);
    await screenshot(page, 'fraud-single');
  });

  it("shows the service's reason for an invalid transaction, at phone width", async () => {
    const page = await browser.open('#/fraud', PHONE);
    await page.getByLabel('Amount (EUR)').fill('-5');
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').last().textContent()).toMatch(/amount/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'fraud-error-phone');
  });
});
