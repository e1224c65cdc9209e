// `fleetbench gate DIR`: evaluate thresholds (and a baseline) on a results directory, and print the checks as a
// table, as GitHub Actions annotations, or as a markdown job summary.
import { collectReport } from './collect.ts';
import { compareDirs } from './compare.ts';
import { evaluateThresholds, regressionChecks, unitOf, type GateCheck, type Threshold } from '../scoring/gate.ts';
import { UsageError } from '../util/errors.ts';
import { mdTable, ppDelta, rateWithInterval, usd } from './format.ts';

export interface GateOptions {
  dir: string;
  thresholds: Threshold[];
  baseline?: string;
  regressionMargin?: number;
  alpha?: number;
}

export interface GateResult { checks: GateCheck[]; passed: boolean; notes: string[] }

export async function runGate(o: GateOptions): Promise<GateResult> {
  const { summary } = await collectReport(o.dir);
  if (!summary.runs) throw new UsageError(`${o.dir} holds no results to gate`);
  const notes: string[] = [];
  const checks = evaluateThresholds(summary.variants, o.thresholds);
  if (o.baseline) {
    const cmp = await compareDirs(o.baseline, o.dir);
    checks.push(...regressionChecks(cmp.variants, { alpha: o.alpha, margin: o.regressionMargin }));
    if (cmp.onlyCand.length) notes.push(`no baseline for: ${cmp.onlyCand.join(', ')}`);
    if (cmp.onlyBase.length) notes.push(`in the baseline only (not checked): ${cmp.onlyBase.join(', ')}`);
  }
  if (summary.errors) notes.push(`${summary.errors} harness error(s) are excluded from the agent metrics (gate them with --max error_rate=…)`);
  return { checks, passed: checks.every((c) => c.status !== 'fail'), notes };
}

export function formatValue(c: GateCheck): string {
  if (c.value === null) return 'n/a';
  if (c.metric === 'regression') return c.interval ? `${ppDelta({ estimate: c.interval.rate, low: c.interval.low, high: c.interval.high })} (${c.interval.n} pairs)` : String(c.value);
  switch (unitOf(c.metric)) {
    case 'rate': return c.interval ? `${rateWithInterval(c.interval)}${c.interval.n !== null ? ` (n=${c.interval.n})` : ''}` : String(c.value);
    case 'usd': return Number.isFinite(c.value) ? usd(c.value) : '∞ (no success)';
    case 'seconds': return `${c.value.toFixed(1)}s`;
    default: return c.value.toFixed(2);
  }
}

const STATUS = { pass: 'ok', fail: 'FAIL', 'n/a': 'n/a' } as const;
const HEADER = ['variant', 'metric', 'value', 'threshold', 'result', 'note'];
const cells = (c: GateCheck) => [c.variant, c.metric === 'regression' ? 'regression vs baseline' : c.metric, formatValue(c), c.threshold, STATUS[c.status], c.note];

/** A fixed-width table for terminals and CI logs. */
export function renderGateTable(r: GateResult): string[] {
  const rows = r.checks.map(cells);
  const header = HEADER;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i])).join('  ').trimEnd();
  const failed = r.checks.filter((c) => c.status === 'fail');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', ...r.notes.map((n) => `note: ${n}`),
    r.passed ? `gate passed: ${r.checks.length} check(s), ${r.checks.filter((c) => c.status === 'n/a').length} not applicable`
      : `gate FAILED: ${failed.length} of ${r.checks.length} check(s) failed — ${[...new Set(failed.map((c) => c.variant))].join('; ')}`];
}

/** GitHub Actions workflow commands: data escaped per the runner's rules (%, CR, LF; plus : and , in properties). */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithubAnnotations(r: GateResult): string[] {
  const out: string[] = [];
  for (const c of r.checks) {
    const msg = `${c.variant}: ${c.check} — value ${formatValue(c)}${c.note ? ` (${c.note})` : ''}`;
    if (c.status === 'fail') out.push(`::error title=${ghProp(`fleetbench gate: ${c.variant}`)}::${ghData(msg)}`);
    else if (c.status === 'n/a') out.push(`::warning title=${ghProp('fleetbench gate: not applicable')}::${ghData(msg)}`);
  }
  for (const n of r.notes) out.push(`::notice title=fleetbench gate::${ghData(n)}`);
  out.push(r.passed ? `::notice title=fleetbench gate::${ghData(`gate passed (${r.checks.length} checks)`)}` : '');
  return out.filter(Boolean);
}

/** For $GITHUB_STEP_SUMMARY. */
export function renderGateMarkdown(r: GateResult): string {
  return [`### fleetbench gate: ${r.passed ? 'passed' : 'FAILED'}`, '',
    mdTable(HEADER, r.checks.map(cells)),
    ...(r.notes.length ? ['', ...r.notes.map((n) => `- ${n}`)] : []), ''].join('\n');
}
