import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/speech.mjs', import.meta.url));
let dir: string;

function cli(...args: string[]) {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 32 * 2 ** 20 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'speech-cli-'));
  // Synthesised at test time (espeak-ng, installed by .ci/run), named by the digits they say.
  for (const [digits, words] of [['42', 'four two'], ['907', 'nine zero seven']] as const) {
    await run('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', join(dir, `${digits}_espeak.wav`), words]);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('speech CLI', () => {
  it('has --help on every command', async () => {
    for (const command of ['train', 'evaluate', 'transcribe', 'serve', 'bench']) {
      expect((await cli(command, '--help')).stdout).toContain(`Usage: speech ${command}`);
    }
  });

  it('transcribes files with the bundled model, as lines or JSON with word timings', async () => {
    const lines = (await cli('transcribe', join(dir, '42_espeak.wav'), join(dir, '907_espeak.wav'))).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/42_espeak\.wav\t[a-z ]*$/);
    const [json] = (await cli('transcribe', '--json', join(dir, '42_espeak.wav'))).stdout.trim().split('\n');
    const parsed = JSON.parse(json!);
    expect(parsed.durationSeconds).toBeGreaterThan(0.3);
    for (const word of parsed.words) expect(word.end).toBeGreaterThan(word.start);
  }, 120_000);

  it('evaluates a folder of files named by their digits and prints the digit error rate', async () => {
    const result = JSON.parse((await cli('evaluate', '--model', fileURLToPath(new URL('../../../models/speech-digits-ctc', import.meta.url)), '--data', dir)).stdout);
    expect(result).toMatchObject({ utterances: 2, digits: 5 });
    expect(result.digitErrorRate).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('names an unreadable file in one line, without a stack trace', async () => {
    const broken = join(dir, 'broken.wav');
    await writeFile(broken, 'RIFF....WAVE this is not audio');
    const failure = await cli('transcribe', broken).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('broken.wav');
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
