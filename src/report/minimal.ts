// The minimal report written after every run: summary.json and report.md, per agent × judge variant.
import fs from 'node:fs';
import path from 'node:path';
import { OUTCOMES } from '../scenarios/schema.ts';
import { Aggregator, type VariantAggregate } from '../scoring/aggregate.ts';
import { readResults, RESULTS_FILE } from '../runner/store.ts';
import type { RunResult } from '../pipeline/result.ts';
import { mdTable, rateWithInterval, toJson, usd } from './format.ts';

export interface ReportData {
  generatedAt: string;
  runs: number;
  variants: VariantAggregate[];
  /** scenario → variant ("agent · judge") → outcomes per epoch */
  matrix: Record<string, Record<string, string[]>>;
  badLines: number;
}

export async function collectReport(dir: string): Promise<ReportData> {
  const agg = new Aggregator();
  const matrix: ReportData['matrix'] = {};
  let runs = 0, badLines = 0;
  const latest = new Map<string, RunResult>();
  for await (const r of readResults(path.join(dir, RESULTS_FILE), () => badLines++)) latest.set(`${r.scenario}|${r.agent}|${r.judge}|${r.epoch}`, r);
  for (const r of latest.values()) {
    runs++;
    agg.add(r);
    const v = `${r.agent} · ${r.judge}`;
    ((matrix[r.scenario] ??= {})[v] ??= [])[r.epoch - 1] = r.outcome;
  }
  return { generatedAt: new Date().toISOString(), runs, variants: agg.variants(), matrix, badLines };
}

export function renderMarkdown(d: ReportData): string {
  const out: string[] = ['# fleetbench report', '', `${d.runs} run(s); rates with Wilson 95% intervals; harness errors are counted apart.`, ''];
  out.push('## Outcomes per agent × judge', '');
  out.push(mdTable(['agent', 'judge', 'n', 'success', ...OUTCOMES.filter((o) => o !== 'success'), 'error'],
    d.variants.map((v) => [v.agent, v.judge, String(v.n), rateWithInterval(v.successRate),
      ...OUTCOMES.filter((o) => o !== 'success').map((o) => `${v.outcomes[o]} (${rateWithInterval(v.rates[o])})`), String(v.errors)])));
  out.push('', '## Gates, judge and cost', '');
  out.push(mdTable(['agent', 'judge', 'CI pass', 'hidden pass', 'scope adherence', 'veto rate', 'course-corrected', 'mean turns', 'cost/run', 'cost/success'],
    d.variants.map((v) => [v.agent, v.judge, rateWithInterval(v.ciPassRate), rateWithInterval(v.hiddenPassRate), rateWithInterval(v.scopeAdherence),
      rateWithInterval(v.vetoRate), rateWithInterval(v.courseCorrectionRate), Number.isFinite(v.meanTurns) ? v.meanTurns.toFixed(1) : 'n/a', usd(v.costPerRun), usd(v.costPerSuccess)])));
  const variants = d.variants.map((v) => `${v.agent} · ${v.judge}`);
  out.push('', '## Scenario × variant', '');
  out.push(mdTable(['scenario', ...variants], Object.keys(d.matrix).sort().map((s) => [s, ...variants.map((v) => (d.matrix[s][v] ?? []).filter(Boolean).join(', ') || '—')])));
  if (d.badLines) out.push('', `> ${d.badLines} unreadable line(s) in results.jsonl were skipped.`);
  return out.join('\n') + '\n';
}

/** Write summary.json and report.md into dir (atomically: temp file + rename). */
export async function writeMinimalReport(dir: string): Promise<ReportData> {
  const data = await collectReport(dir);
  writeAtomic(path.join(dir, 'summary.json'), toJson(data));
  writeAtomic(path.join(dir, 'report.md'), renderMarkdown(data));
  return data;
}

export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
