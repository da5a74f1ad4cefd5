import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type LaunchOptions, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { DomainService } from './suite';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../e2e-artifacts/', import.meta.url));
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 740 };

/** Debian's chromium, headless; the flags let the tests speak to the page's microphone code. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const options: LaunchOptions = {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', ...extraArgs],
  };
  return chromium.launch(options);
}

/**
 * One browser per test file; every page opened through `open` fails its test on an uncaught
 * script error, so a broken page cannot pass by showing nothing.
 */
export function useBrowser(extraArgs: () => string[] = () => []) {
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    browser = await launchChromium(extraArgs());
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    errors,
    async open(hash: string, viewport = DESKTOP, base = inject('consoleUrl')): Promise<Page> {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}/${hash}`);
      return page;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS_DIR}${name}.png`, fullPage: true });
}

/**
 * A page suite's name and whether to skip it: the name of a skipped suite says why, so the report
 * shows it. A service that exists but did not start fails the suite with its log lines.
 */
export function pageSuite(title: string, service: DomainService): { name: string; skip: boolean } {
  const availability = inject('availability')[service];
  if (availability.state === 'missing') return { name: `${title} (skipped: ${availability.reason})`, skip: true };
  if (availability.state === 'failed') {
    beforeAll(() => {
      throw new Error(`the ${service} service ${availability.reason}`);
    });
  }
  return { name: title, skip: false };
}
