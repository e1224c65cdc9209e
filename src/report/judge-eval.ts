// Writers for `judge-eval`: summary.json, report.md and results.csv.
import fs from 'node:fs';
import path from 'node:path';
import type { Judgment, JudgeMetrics, PairwiseComparison } from '../judge/eval.ts';
import { mdTable, rateWithInterval, toJson, usd } from './format.ts';
import { writeAtomic } from './files.ts';
import { csvLine } from './csv.ts';

export interface JudgeEvalReport { generatedAt: string; datasets: string[]; items: number; judges: JudgeMetrics[]; pairwise: PairwiseComparison[] }

const num = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

export function renderJudgeEvalMarkdown(r: JudgeEvalReport): string {
  const out = ['# Judge evaluation', '', `${r.items} labeled diff(s) from ${r.datasets.join(', ')}. Positive = veto: FPR = vetoes of approve-labeled diffs, FNR = approvals of veto-labeled diffs. Rates with Wilson 95% intervals.`, ''];
  out.push(mdTable(['judge', 'n', 'FPR', 'FNR', 'precision', 'recall', 'F1', 'accuracy', 'kappa', 'errors', 'cost/judgment', 'latency'],
    r.judges.map((j) => [j.judge, String(j.n), rateWithInterval(j.fprInterval), rateWithInterval(j.fnrInterval), rateWithInterval(j.precisionInterval),
      rateWithInterval(j.recallInterval), num(j.f1), rateWithInterval(j.accuracyInterval), num(j.kappa), String(j.errors), usd(j.costPerJudgment, 5), `${Math.round(j.meanLatencyMs)} ms`])));
  for (const j of r.judges) {
    out.push('', `## ${j.judge}`, '', mdTable(['', 'labeled veto', 'labeled approve'], [
      ['judge vetoed', String(j.confusion.tp), String(j.confusion.fp)], ['judge approved', String(j.confusion.fn), String(j.confusion.tn)]]));
    out.push('', mdTable(['category', 'label', 'n', 'accuracy', 'errors'], Object.entries(j.perCategory).sort().map(([c, v]) => [c, v.label, String(v.n), rateWithInterval(v.accuracy), String(v.errors)])));
  }
  if (r.pairwise.length) {
    out.push('', '## Pairwise (exact McNemar on items both judged)', '');
    out.push(mdTable(['judge A', 'judge B', 'n', 'only A right', 'only B right', 'p'], r.pairwise.map((p) => [p.a, p.b, String(p.n), String(p.aOnlyCorrect), String(p.bOnlyCorrect), p.pValue < 0.001 ? '<0.001' : num(p.pValue)])));
  }
  return out.join('\n') + '\n';
}

export function writeJudgeEval(dir: string, report: JudgeEvalReport, judgments: Judgment[]): void {
  fs.mkdirSync(dir, { recursive: true });
  writeAtomic(path.join(dir, 'summary.json'), toJson(report));
  writeAtomic(path.join(dir, 'report.md'), renderJudgeEvalMarkdown(report));
  const header = ['judge', 'id', 'category', 'label', 'verdict', 'correct', 'error', 'reason', 'input_tokens', 'output_tokens', 'cost_usd', 'latency_ms'];
  writeAtomic(path.join(dir, 'results.csv'), csvLine(header) + judgments.map((j) => csvLine([
    j.judge, j.id, j.category, j.label, j.verdict, j.verdict === null ? '' : j.verdict === j.label,
    j.error, j.reason, j.tokens.input, j.tokens.output, j.costUsd, j.latencyMs,
  ])).join(''));
}

