// report.md: the per-variant tables, pass@k, judge confusion and the scenario × variant matrix.
import { OUTCOMES } from '../scenarios/schema.ts';
import type { CollectedReport, ReportSummary, RunPower, VariantReport } from './collect.ts';
import { OUTCOME_ORDER } from './charts.ts';
import { count, mdTable, num, rateWithInterval, seconds, usd } from './format.ts';
import { MODEL_FAILURE_LABELS } from '../models/failures.ts';
import { MODEL_FAILURE_KINDS, type ModelFailureBreakdown } from '../scoring/aggregate.ts';

/** The per-model failure table, shared by report.md and report.html: header and rows. */
export function modelFailureTable(list: readonly ModelFailureBreakdown[]): { header: string[]; rows: string[][] } {
  const share = (c: number, r: ModelFailureBreakdown['successRate']) => `${c} (${rateWithInterval(r)})`;
  return {
    header: ['model', 'n', 'success', 'model-caused failures', ...MODEL_FAILURE_KINDS.map((k) => MODEL_FAILURE_LABELS[k]), 'harness errors'],
    rows: list.map((m) => [m.model, String(m.n), share(m.successes, m.successRate), share(m.failures, m.failureRate),
      ...MODEL_FAILURE_KINDS.map((k) => share(m.byKind[k].count, m.byKind[k].rate)), String(m.errors)]),
  };
}

export const MODEL_FAILURE_NOTE = 'Runs the agent\'s model ended itself (context window exceeded, malformed tool calls after feedback, ' +
  'a refusal the API reports as an error, output cut off at max tokens again and again) are `no_pr` outcomes of that model, ' +
  'counted in its rates and never retried by --resume; harness errors are not the model\'s and are counted apart.';

/** Rows of the matrix printed in report.md; the full matrix is in summary.json and results.csv. */
export const MATRIX_ROWS_MD = 500;
const ERRORS_LISTED = 20;

/** A cell of the scenario × variant matrix: `success` for one epoch, `success×3 no_pr×2` for several. */
export function matrixCell(outcomes: readonly (string | undefined)[] | undefined): string {
  const list = (outcomes ?? []).filter((o): o is string => Boolean(o));
  if (!list.length) return '—';
  if (list.length === 1) return list[0];
  const n = new Map<string, number>();
  for (const o of list) n.set(o, (n.get(o) ?? 0) + 1);
  return OUTCOME_ORDER.filter((o) => n.has(o)).map((o) => `${o}×${n.get(o)}`).join(' ');
}

const points = (x: number) => `${Math.ceil(x * 100 - 1e-9)} points`;
const size = (p: RunPower) => `${p.scenarios} scenario(s) × ${p.epochs} epoch(s)`;

/**
 * The headline power sentence of report.md and report.html: what difference in success rate this run's size tells apart
 * with the paired test `fleetbench compare` runs. Rounded up: "≥ 27 points" never promises more than the run delivers.
 */
export function powerSentence(p: RunPower): string {
  const basis = `power 0.8, two-sided α 0.05, paired exact McNemar as \`fleetbench compare\` runs it, ${size(p)}`;
  if (!Number.isFinite(p.rate)) return 'No graded run: nothing to estimate the power from.';
  if (p.discordance === 0) {
    return `Every graded run ${p.rate === 1 ? 'succeeded' : 'failed'}, so no discordance can be assumed from the success rate; ` +
      'plan the size with `fleetbench power --scenarios N --discordance D`.';
  }
  // Fractions, not percentages: a report prints no bare percentage without its interval (DESIGN.md, Statistics).
  const assumed = `at a discordance of ${p.discordance.toFixed(2)} assumed from the pooled success rate ${p.rate.toFixed(2)} as 2p(1 − p)`;
  return Number.isFinite(p.mde)
    ? `This run can tell apart differences of ≥ ${points(p.mde)} in success rate (${basis}, ${assumed}).`
    : `This run cannot tell apart any difference in success rate (${basis}, ${assumed}): add scenarios or epochs (\`fleetbench power\` plans the size).`;
}

/** One row per variant against the first: the pairs they share, their observed discordance and the difference it resolves. */
export function powerRows(p: RunPower): string[][] {
  return p.versusFirst.map((v) => [v.base, v.cand, String(v.pairs), `${v.discordance.toFixed(2)} (${Math.round(v.discordance * v.pairs)} of ${v.pairs})`, Number.isFinite(v.mde) ? `≥ ${points(v.mde)}` : 'out of reach']);
}
export const POWER_HEADER = ['base (first variant)', 'candidate', 'paired runs', 'observed discordance', 'detectable Δ success (power 0.8)'];
export const POWER_NOTE = 'Discordance: the share of paired runs (same scenario and epoch) where exactly one side succeeded. ' +
  'Epochs count as extra pairs, as compare treats them; when outcomes are mostly decided by the scenario, more scenarios buy more than more epochs.';

const interval = (i: { estimate: number; low: number; high: number }) => rateWithInterval({ rate: i.estimate, low: i.low, high: i.high });
const ratio = (r: VariantReport['successRate'], hits: number, of: number) => (of ? `${rateWithInterval(r)} (${hits}/${of})` : 'n/a');

export function renderMarkdown({ summary: d, rows }: CollectedReport): string {
  const out: string[] = ['# fleetbench report', ''];
  out.push(`${count(d.runs)} run(s) over ${d.scenarios} scenario(s) and ${d.variants.length} agent × judge variant(s)` +
    `${d.epochs > 1 ? `, up to ${d.epochs} epochs each` : ''}. Rates carry Wilson 95% intervals; pass@k intervals are bootstrapped over scenarios. ` +
    `Harness errors (${d.errors}) are counted apart and excluded from every agent rate.`, '');
  if (d.power) out.push(powerSentence(d.power), '');

  out.push('## Outcomes per agent × judge', '');
  out.push(mdTable(['agent', 'judge', 'n', 'success', ...OUTCOMES.filter((o) => o !== 'success'), 'error'],
    d.variants.map((v) => [v.agent, v.judge, String(v.n), rateWithInterval(v.successRate),
      ...OUTCOMES.filter((o) => o !== 'success').map((o) => `${v.outcomes[o]} (${rateWithInterval(v.rates[o])})`),
      v.errors ? `${v.errors} (${rateWithInterval(v.errorRate)} of attempts)` : '0'])));

  if (d.modelFailures?.length) {
    out.push('', '## Model failures per model', '', MODEL_FAILURE_NOTE, '');
    const t = modelFailureTable(d.modelFailures);
    out.push(mdTable(t.header, t.rows));
  }

  out.push('', '## Gates and judge', '');
  out.push('CI pass, hidden pass and scope adherence are over the runs that produced a diff; veto rate over runs the judge saw; ' +
    'course-correction over vetoed runs. Judge FPR/FNR compare its last verdict with what the final diff grades to ' +
    '(success → should approve, out_of_scope → should veto). Judge errors (no valid verdict: garbage, no call, or its model ' +
    'failed) are over every verdict asked for; a judge error is never counted as an approval.', '');
  out.push(mdTable(['agent', 'judge', 'CI pass', 'hidden pass', 'scope adherence', 'veto rate', 'course-corrected', 'judge FPR', 'judge FNR', 'judge errors'],
    d.variants.map((v) => {
      const cm = v.judgeConfusion;
      return [v.agent, v.judge, rateWithInterval(v.ciPassRate), rateWithInterval(v.hiddenPassRate), rateWithInterval(v.scopeAdherence),
        rateWithInterval(v.vetoRate), rateWithInterval(v.courseCorrectionRate),
        ratio(v.judgeFpr, cm.fp, cm.fp + cm.tn), ratio(v.judgeFnr, cm.fn, cm.fn + cm.tp),
        v.judgeErrors !== undefined ? `${v.judgeErrors} (${rateWithInterval(v.judgeErrorRate)} of verdicts)` : 'n/a'];
    })));

  out.push('', '## Effort and cost', '');
  out.push(mdTable(['agent', 'judge', 'mean turns', 'mean tokens', 'tokens in / out / cache read / cache write', 'cost', 'cost/run', 'cost/success', 'judge cost', 'mean wall time'],
    d.variants.map((v) => [v.agent, v.judge, num(v.meanTurns), count(v.meanTokens),
      [v.tokens.input, v.tokens.output, v.tokens.cacheRead, v.tokens.cacheWrite].map(count).join(' / '),
      usd(v.costUsd, 2), usd(v.costPerRun), usd(v.costPerSuccess), usd(v.judgeCostUsd, 2), seconds(v.meanWallMs)])));

  if (d.epochs > 1) {
    out.push('', '## pass@k and pass^k', '');
    out.push('Per scenario, c = successes among its n graded epochs; pass@k (at least one of k tries succeeds) and pass^k ' +
      '(all k succeed) are the unbiased estimators, averaged over the scenarios with at least k graded epochs.', '');
    out.push(mdTable(['agent', 'judge', 'k', 'scenarios', 'pass@k', 'pass^k'],
      d.variants.flatMap((v) => v.passK.map((p) => [v.agent, v.judge, String(p.k), String(p.scenarios), interval(p.passAtK), interval(p.passHatK)]))));
  }

  if (d.power?.versusFirst.length) {
    out.push('', '## Power against the first variant', '', POWER_NOTE, '');
    out.push(mdTable(POWER_HEADER, powerRows(d.power)));
  }

  out.push('', '## Judge confusion', '');
  const judged = d.variants.filter((v) => v.judgeMetrics.n > 0);
  if (!judged.length) out.push('No judge verdict on a diff that grades to success or out_of_scope: nothing to score the judge against.');
  else out.push(mdTable(['agent', 'judge', 'scored verdicts', 'vetoed out_of_scope (TP)', 'vetoed success (FP)', 'approved out_of_scope (FN)', 'approved success (TN)'],
    judged.map((v) => [v.agent, v.judge, String(v.judgeMetrics.n), String(v.judgeConfusion.tp), String(v.judgeConfusion.fp), String(v.judgeConfusion.fn), String(v.judgeConfusion.tn)])));

  out.push('', '## Scenario × variant', '');
  out.push(...matrixTable(d));

  const errors = rows.filter((r) => r.outcome === 'error');
  if (errors.length) {
    out.push('', '## Harness errors', '', `${errors.length} run(s) failed in the harness, not in the agent; retry them with \`fleetbench run --resume DIR\`.`, '');
    out.push(mdTable(['scenario', 'agent', 'judge', 'epoch', 'error'], errors.slice(0, ERRORS_LISTED).map((r) => [r.scenario, r.agent, r.judge, String(r.epoch), (r.error ?? r.reason).split('\n')[0].slice(0, 200)])));
    if (errors.length > ERRORS_LISTED) out.push('', `… and ${errors.length - ERRORS_LISTED} more (see results.csv).`);
  }
  if (d.badLines) out.push('', `> ${d.badLines} unreadable line(s) in results.jsonl were skipped.`);
  if (d.supersededLines) out.push('', `> ${d.supersededLines} line(s) in results.jsonl were superseded by a later line with the same run key.`);
  return out.join('\n') + '\n';
}

function matrixTable(d: ReportSummary): string[] {
  const ids = d.variants.map((v) => v.id);
  const scenarios = Object.keys(d.matrix);
  const shown = scenarios.slice(0, MATRIX_ROWS_MD);
  const out = [mdTable(['scenario', ...ids], shown.map((s) => [s, ...ids.map((v) => matrixCell(d.matrix[s][v]))]))];
  if (scenarios.length > shown.length) out.push('', `… ${scenarios.length - shown.length} more scenario(s): see summary.json (matrix) or results.csv.`);
  return out;
}
