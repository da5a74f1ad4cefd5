import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReport, type ReportContent } from './write-report';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ml-reports-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const content: ReportContent = {
  title: 'Speech model',
  sections: [{ heading: 'Data', body: 'LibriSpeech test-clean.\n' }],
  metrics: { wer: 0.12, undefined_metric: NaN },
  plots: [
    { file: 'wer.svg', title: 'WER by length', svg: '<svg></svg>' },
    { file: 'latency.svg', title: 'Latency', svg: '<svg id="l"></svg>' },
  ],
};

describe('writeReport', () => {
  it('writes metrics.json, report.md and every plot into a new folder', async () => {
    const out = join(dir, 'nested', 'report');
    const written = await writeReport(out, content);
    expect((await readdir(out)).sort()).toEqual(['latency.svg', 'metrics.json', 'report.md', 'wer.svg']);
    expect(written).toContain(join(out, 'metrics.json'));
    expect(JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'))).toEqual({ wer: 0.12, undefined_metric: null });
    expect(await readFile(join(out, 'latency.svg'), 'utf8')).toBe('<svg id="l"></svg>');
  });

  it('renders sections in order followed by linked plots', async () => {
    await writeReport(dir, content);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toBe(
      [
        '# Speech model',
        '## Data',
        'LibriSpeech test-clean.',
        '## Plots',
        '### WER by length',
        '![WER by length](wer.svg)',
        '### Latency',
        '![Latency](latency.svg)',
      ].join('\n\n') + '\n',
    );
  });

  it('refuses plot names that would leave the folder or collide', async () => {
    const plot = { title: 't', svg: '<svg/>' };
    const withFiles = (...files: string[]) => ({ ...content, plots: files.map((file) => ({ ...plot, file })) });
    await expect(writeReport(dir, withFiles('../escape.svg'))).rejects.toThrow(/plain name/);
    await expect(writeReport(dir, withFiles('plot.png'))).rejects.toThrow(/\.svg/);
    await expect(writeReport(dir, withFiles('a.svg', 'a.svg'))).rejects.toThrow(/twice/);
    expect(await readdir(dir)).toEqual([]);
  });
});
