import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, pageSuite, screenshot, useBrowser } from './browser';

const run = promisify(execFile);
const suite = pageSuite('speech page', 'speech');
let phraseWav = '';

// Synthesised at test time, so no audio is committed; chromium's fake microphone plays the same file.
beforeAll(async () => {
  if (suite.skip) return;
  phraseWav = join(await mkdtemp(join(tmpdir(), 'console-e2e-speech-')), 'phrase.wav');
  await run('espeak-ng', ['-v', 'en-us', '-s', '140', '-w', phraseWav, 'four two seven']);
});
const browser = useBrowser(() => (phraseWav ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${phraseWav}`] : []));

describe.skipIf(suite.skip)(suite.name, () => {
  it('transcribes an uploaded file with word timings and highlights words while playing', async () => {
    const page = await browser.open('#/speech');
    await page.getByLabel(/Or upload audio/).setInputFiles({ name: 'phrase.wav', mimeType: 'audio/wav', buffer: await readFile(phraseWav) });
    const words = page.getByTestId('transcript').locator('button.word');
    await expect.poll(() => words.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await words.first().getAttribute('title')).toMatch(/^\d+\.\d\d–\d+\.\d\d s, confidence \d+ %$/);

    await words.first().click(); // seeks to the word and plays
    await expect.poll(() => page.locator('button.word.speaking').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'speech-upload');
    expect(browser.errors).toEqual([]);
  });

  it('records from the microphone and sends the recording as WAV', async () => {
    const page = await browser.open('#/speech');
    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Transcribed/ }).count(), { timeout: 60_000 }).toBe(1);
    await screenshot(page, 'speech-recording');
  });

  it("shows the service's reason for audio it cannot decode, at phone width", async () => {
    const page = await browser.open('#/speech', PHONE);
    await page.getByLabel(/Or upload audio/).setInputFiles({ name: 'broken.wav', mimeType: 'audio/wav', buffer: Buffer.from('RIFF....WAVEnot really audio') });
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toMatch(/\S/);
    expect(await page.getByTestId('transcript').locator('button.word').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'speech-error-phone');
  });
});
