// The report of a results directory, written after every run and by `fleetbench report DIR`:
// report.md, report.html, results.csv, junit.xml and summary.json.
import path from 'node:path';
import { collectReport, type ReportSummary } from './collect.ts';
import { renderMarkdown } from './markdown.ts';
import { renderHtml } from './html.ts';
import { writeResultsCsv } from './csv.ts';
import { junitChunks } from './junit.ts';
import { writeAtomic, writeStreamAtomic } from './files.ts';
import { toJson } from './format.ts';

export const REPORT_FILES = ['report.md', 'report.html', 'results.csv', 'junit.xml', 'summary.json'] as const;

/** Stream results.jsonl once and write every report file into dir (each atomically). */
export async function writeReport(dir: string): Promise<ReportSummary> {
  const collected = await collectReport(dir);
  writeAtomic(path.join(dir, 'summary.json'), toJson(collected.summary));
  writeAtomic(path.join(dir, 'report.md'), renderMarkdown(collected));
  writeAtomic(path.join(dir, 'report.html'), renderHtml(collected));
  await writeResultsCsv(path.join(dir, 'results.csv'), collected.rows);
  await writeStreamAtomic(path.join(dir, 'junit.xml'), junitChunks(collected.rows));
  return collected.summary;
}
