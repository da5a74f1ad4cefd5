import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/fraud.mjs', import.meta.url));
let dir: string;

function fraud(...args: string[]) {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 32 * 2 ** 20 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fraud-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fraud CLI, end to end on simulated data', () => {
  it('simulates, trains with the label-delay protocol, scores and evaluates', async () => {
    const data = join(dir, 'tx.csv');
    const simulated = JSON.parse((await fraud('simulate', '--customers', '500', '--merchants', '1000', '--days', '40', '--seed', '3', '--out', data)).stdout);
    expect(simulated.transactions).toBeGreaterThan(10_000);
    expect(simulated.frauds).toBeGreaterThan(0);
    expect((await readFile(data, 'utf8')).split('\n', 1)[0]).toMatch(/^transaction_id,timestamp,customer_id,terminal_id,amount/);

    const model = join(dir, 'model');
    const trainArgs = ['train', '--data', data, '--train-from', '2018-04-20', '--train-until', '2018-04-30', '--validation-days', '3', '--epochs', '8', '--ensemble', '1', '--out', model];
    const trained = JSON.parse((await fraud(...trainArgs)).stdout);
    expect(trained.validation.validation.average_precision).toBeGreaterThan(0);
    expect(trained.validation.validation_logistic_regression.roc_auc).toBeGreaterThan(0.5);
    const manifest = JSON.parse(await readFile(join(model, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['model.onnx', 'preprocessor.json', 'MODEL_CARD.md']));
    expect(await readFile(join(model, 'report', 'report.md'), 'utf8')).toMatch(/roc\.svg/);

    const scores = join(dir, 'scores.csv');
    await fraud('score', '--model', model, '--data', data, '--from', '2018-05-08', '--to', '2018-05-10', '--out', scores);
    const lines = (await readFile(scores, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('transaction_id,score');
    const windowRows = (await readFile(data, 'utf8')).split('\n').filter((l) => /,2018-05-(08|09|10)T/.test(l)).length;
    expect(lines.length - 1).toBe(windowRows);
    for (const line of lines.slice(1, 50)) expect(Number(line.split(',')[1])).toBeGreaterThanOrEqual(0);

    const evaluation = JSON.parse((await fraud('evaluate', '--model', model, '--data', data, '--from', '2018-05-08', '--to', '2018-05-10')).stdout);
    expect(evaluation.cardPrecisionAtK.daily).toHaveLength(3);
    expect(evaluation.rocAuc).toBeGreaterThan(0.5);
    // The simulator's scenario column adds recall per scenario and the frauds the label delay hides.
    expect(Object.keys(evaluation.recallByScenario)).toContain('compromisedTerminal');
    expect(evaluation.beforeFirstTerminalLabel.frauds).toBeLessThanOrEqual(evaluation.frauds);
  }, 300_000);

  it('maps custom headers with --column-map and names the bad row', async () => {
    const data = join(dir, 'custom.csv');
    await writeFile(data, 'id,when,customer,terminal,value,fraud\nt1,2024-01-01 10:00:00,c1,m1,12.5,0\nt2,2024-01-02 11:00:00,c1,m2,-3,1\n');
    const failure = await fraud('train', '--data', data, '--column-map', 'transactionId=id,timestamp=when,cardId=customer,merchantId=terminal,amount=value,isFraud=fraud', '--train-from', '2024-01-01', '--train-until', '2024-01-02', '--out', join(dir, 'm2')).catch((e: { stderr: string; code: number }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/custom\.csv line 3: amount/);
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it('explains bad flags', async () => {
    const failure = await fraud('train', '--data', 'x.csv', '--train-from', '2024-13-01', '--train-until', '2024-01-02', '--out', join(dir, 'm3')).catch((e: { stderr: string }) => e);
    expect((failure as { stderr: string }).stderr).toMatch(/--train-from must be a date/);
    const help = await fraud('score', '--help');
    expect(help.stdout).toMatch(/--label|--model <dir>/);
  }, 60_000);
});
