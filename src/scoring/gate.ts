// CI gating: thresholds on per-variant metrics, and regression against a baseline. Pure.
// A threshold compares the point estimate. A metric that only exists when something happened (CI pass needs a diff, the
// judge's FPR needs a successful diff it saw) is "n/a" — reported, not failed — when it did not happen; a metric every
// variant has (success rate, cost…) failing to exist (no graded run, unknown prices) fails its check: a gate never
// passes on missing evidence.
import type { VariantAggregate } from './aggregate.ts';
import type { VariantComparison } from './compare.ts';
import { wilsonInterval, type RateInterval } from './stats.ts';
import { UsageError } from '../util/errors.ts';

export type MetricUnit = 'rate' | 'usd' | 'count' | 'seconds';
interface MetricDef {
  unit: MetricUnit; conditional: boolean; describe: string;
  value: (v: VariantAggregate) => number | null;
  /** Rates: the Wilson interval the value comes from, so a gate never prints a bare small-sample percentage. */
  interval?: (v: VariantAggregate) => RateInterval;
}

const rate = (r: { rate: number }) => (Number.isFinite(r.rate) ? r.rate : null);
/** A rate metric read from one of the aggregate's Wilson intervals. */
const rateOf = (conditional: boolean, describe: string, get: (v: VariantAggregate) => RateInterval): MetricDef =>
  ({ unit: 'rate', conditional, describe, value: (v) => rate(get(v)), interval: get });

export const GATE_METRICS = {
  success_rate: rateOf(false, 'share of graded runs whose outcome is success', (v) => v.successRate),
  ci_pass_rate: rateOf(true, 'share of produced diffs passing fresh CI', (v) => v.ciPassRate),
  hidden_pass_rate: rateOf(true, 'share of produced diffs passing the hidden checks', (v) => v.hiddenPassRate),
  scope_adherence: rateOf(true, 'share of produced diffs without scope violations', (v) => v.scopeAdherence),
  veto_rate: rateOf(true, 'share of judged runs vetoed at least once', (v) => v.vetoRate),
  course_correction_rate: rateOf(true, 'share of vetoed runs ending approved', (v) => v.courseCorrectionRate),
  judge_fpr: rateOf(true, 'judge vetoes of successful diffs / successful diffs judged', (v) => wilsonInterval(v.judgeConfusion.fp, v.judgeConfusion.fp + v.judgeConfusion.tn)),
  judge_fnr: rateOf(true, 'judge approvals of out_of_scope diffs / out_of_scope diffs judged', (v) => wilsonInterval(v.judgeConfusion.fn, v.judgeConfusion.fn + v.judgeConfusion.tp)),
  error_rate: rateOf(false, 'harness errors / attempted runs', (v) => wilsonInterval(v.errors, v.n + v.errors)),
  no_pr_rate: rateOf(false, 'share of graded runs ending no_pr', (v) => v.rates.no_pr),
  ci_fail_rate: rateOf(false, 'share of graded runs ending ci_fail', (v) => v.rates.ci_fail),
  incorrect_rate: rateOf(false, 'share of graded runs ending incorrect', (v) => v.rates.incorrect),
  out_of_scope_rate: rateOf(false, 'share of graded runs ending out_of_scope', (v) => v.rates.out_of_scope),
  cost_per_run: { unit: 'usd', conditional: false, describe: 'USD per graded run', value: (v) => v.costPerRun },
  // Known cost but no success: the cost of a success is unbounded.
  cost_per_success: { unit: 'usd', conditional: false, describe: 'USD per successful run', value: (v) => (v.costPerSuccess ?? (v.costUsd !== null && v.n > 0 ? Infinity : null)) },
  mean_turns: { unit: 'count', conditional: false, describe: 'agent turns per graded run', value: (v) => (Number.isFinite(v.meanTurns) ? v.meanTurns : null) },
  mean_wall_seconds: { unit: 'seconds', conditional: false, describe: 'wall time per graded run', value: (v) => (Number.isFinite(v.meanWallMs) ? v.meanWallMs / 1000 : null) },
} satisfies Record<string, MetricDef>;

export type GateMetric = keyof typeof GATE_METRICS;
export const GATE_METRIC_NAMES = Object.keys(GATE_METRICS) as GateMetric[];

export interface Threshold { metric: GateMetric; kind: 'min' | 'max'; value: number }

export function assertMetric(name: string, where: string): GateMetric {
  if (!(name in GATE_METRICS)) throw new UsageError(`${where}: unknown metric '${name}'; valid metrics: ${GATE_METRIC_NAMES.join(', ')}`);
  return name as GateMetric;
}

/** `success_rate=0.8` (or `80%`) → a threshold; bad names and numbers are usage errors. */
export function parseThreshold(kind: 'min' | 'max', spec: string): Threshold {
  const m = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(spec);
  if (!m) throw new UsageError(`--${kind} '${spec}': use METRIC=VALUE, e.g. --${kind} success_rate=0.8`);
  const metric = assertMetric(m[1], `--${kind} ${spec}`);
  const value = m[2].endsWith('%') ? Number(m[2].slice(0, -1)) / 100 : Number(m[2]);
  if (!Number.isFinite(value)) throw new UsageError(`--${kind} '${spec}': '${m[2]}' is not a number`);
  return { metric, kind, value };
}

/** The config's gate thresholds, overridden metric by metric by the flags. */
export function mergeThresholds(config: { min: Record<string, number>; max: Record<string, number> }, flags: Threshold[]): Threshold[] {
  const out = new Map<string, Threshold>();
  for (const kind of ['min', 'max'] as const) {
    for (const [name, value] of Object.entries(config[kind])) out.set(`${kind}:${name}`, { metric: assertMetric(name, `config gate.${kind}`), kind, value });
  }
  for (const t of flags) out.set(`${t.kind}:${t.metric}`, t);
  return [...out.values()];
}

export type CheckStatus = 'pass' | 'fail' | 'n/a';
export interface GateCheck {
  variant: string;
  metric: GateMetric | 'regression';
  /** `success_rate ≥ 0.9` or `regression vs baseline` */
  check: string;
  value: number | null;
  /** Rates: the value's Wilson 95% interval and, when the aggregate knows it, the count it rests on. Regression: the
   *  paired bootstrap interval of the success-rate change over n pairs. */
  interval: (RateInterval & { n: number | null }) | null;
  threshold: string;
  status: CheckStatus;
  note: string;
}

export interface GatedVariant extends VariantAggregate { id: string }

export function evaluateThresholds(variants: readonly GatedVariant[], thresholds: readonly Threshold[]): GateCheck[] {
  const checks: GateCheck[] = [];
  for (const v of variants) {
    for (const t of thresholds) {
      const def: MetricDef = GATE_METRICS[t.metric];
      const value = def.value(v);
      const threshold = `${t.kind === 'min' ? '≥' : '≤'} ${t.value}`;
      const check = `${t.metric} ${threshold}`;
      const iv = def.interval?.(v);
      const interval = iv ? { ...iv, n: intervalN(t.metric, v) } : null;
      if (value === null) {
        checks.push({ variant: v.id, metric: t.metric, check, value, interval, threshold, status: def.conditional ? 'n/a' : 'fail',
          note: def.conditional ? 'no data: nothing this metric is measured on happened' : v.n === 0 ? 'no graded runs' : 'value unknown (e.g. a model without a price)' });
        continue;
      }
      const ok = t.kind === 'min' ? value >= t.value : value <= t.value;
      checks.push({ variant: v.id, metric: t.metric, check, value, interval, threshold, status: ok ? 'pass' : 'fail', note: '' });
    }
  }
  return checks;
}

/**
 * A significant regression: success dropped and exact McNemar p < alpha, or the paired success rate dropped by more
 * than the margin (when one is configured).
 */
export function regressionChecks(comparisons: readonly VariantComparison[], opts: { alpha?: number; margin?: number } = {}): GateCheck[] {
  const alpha = opts.alpha ?? 0.05;
  return comparisons.map((c) => {
    const s = c.success, drop = -s.delta.estimate;
    const threshold = `McNemar p ≥ ${alpha}${opts.margin !== undefined ? `, drop ≤ ${opts.margin}` : ''}`;
    const variant = c.base === c.cand ? c.cand : `${c.cand} (baseline ${c.base})`;
    const interval = { rate: s.delta.estimate, low: s.delta.low, high: s.delta.high, n: s.pairs };
    if (!s.pairs) return { variant, metric: 'regression' as const, interval, check: 'regression vs baseline', value: null, threshold, status: 'fail' as const, note: 'no graded run pairs with the baseline' };
    const significant = s.b > s.c && s.p < alpha;
    const beyondMargin = opts.margin !== undefined && drop > opts.margin;
    const why = [significant ? `success dropped ${s.b} vs ${s.c} discordant pairs, p=${s.p.toPrecision(3)}` : '', beyondMargin ? `drop ${(drop * 100).toFixed(1)} pp > margin` : ''].filter(Boolean).join('; ');
    return { variant, metric: 'regression' as const, interval, check: 'regression vs baseline', value: s.delta.estimate, threshold, status: significant || beyondMargin ? 'fail' as const : 'pass' as const,
      note: why || `p=${s.p.toPrecision(3)}` };
  });
}

/** The denominator of a rate metric (for `n=` next to its interval); null where the aggregate does not keep it. */
function intervalN(metric: GateMetric, v: VariantAggregate): number | null {
  const cm = v.judgeConfusion;
  switch (metric) {
    case 'judge_fpr': return cm.fp + cm.tn;
    case 'judge_fnr': return cm.fn + cm.tp;
    case 'error_rate': return v.n + v.errors;
    case 'success_rate': case 'no_pr_rate': case 'ci_fail_rate': case 'incorrect_rate': case 'out_of_scope_rate': return v.n;
    default: return null;
  }
}

export const unitOf = (metric: string): MetricUnit | undefined => (GATE_METRICS as Record<string, MetricDef>)[metric]?.unit;
