import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReportSection {
  heading: string;
  /** Markdown. */
  body: string;
}

export interface ReportPlot {
  /** Plain file name inside the report folder, ending in .svg. */
  file: string;
  title: string;
  svg: string;
}

export interface ReportContent {
  title: string;
  sections: readonly ReportSection[];
  /** Written as metrics.json; NaN and ±Infinity become null, as JSON has no such numbers. */
  metrics: object;
  plots: readonly ReportPlot[];
}

// A plain name keeps every write inside the report folder, whatever the caller passes.
const PLOT_FILE = /^[A-Za-z0-9][\w.-]*\.svg$/;

/**
 * Writes a report folder: metrics.json, one SVG per plot and report.md, which shows the sections in
 * order followed by every plot. Creates the folder if needed; returns the paths written.
 */
export async function writeReport(dir: string, content: ReportContent): Promise<string[]> {
  const seen = new Set<string>();
  for (const { file } of content.plots) {
    if (!PLOT_FILE.test(file)) throw new Error(`plot file name "${file}" must be a plain name ending in .svg`);
    if (seen.has(file)) throw new Error(`plot file name "${file}" is used twice`);
    seen.add(file);
  }
  const files: [string, string][] = [
    ['metrics.json', `${JSON.stringify(content.metrics, null, 2)}\n`],
    ['report.md', reportMarkdown(content)],
    ...content.plots.map(({ file, svg }): [string, string] => [file, svg]),
  ];
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), text)));
  return files.map(([name]) => join(dir, name));
}

/** The report.md text: title, sections, then each plot under its title as a relative image link. */
export function reportMarkdown({ title, sections, plots }: Omit<ReportContent, 'metrics'>): string {
  const parts = [`# ${title}`, ...sections.map(({ heading, body }) => `## ${heading}\n\n${body.trim()}`)];
  if (plots.length > 0) {
    parts.push('## Plots', ...plots.map((p) => `### ${p.title}\n\n![${p.title.replaceAll(/[[\]]/g, '')}](${p.file})`));
  }
  return `${parts.join('\n\n')}\n`;
}
