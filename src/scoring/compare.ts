// Paired comparison of two variants on the same scenarios and epochs (a baseline and a candidate). Pure.
// Success and the other yes/no metrics: paired delta with a bootstrap interval and an exact McNemar p-value on the
// discordant pairs. Cost, wall time and turns: paired bootstrap interval of the mean difference (seeded).
import { OUTCOMES, type Outcome } from '../scenarios/schema.ts';
import type { RunOutcome } from '../pipeline/result.ts';
import { mcnemarExact, mean, pairedBootstrapDelta, wilsonInterval, type Interval, type RateInterval } from './stats.ts';

/** What a comparison needs from one run. */
export interface PairSide {
  outcome: RunOutcome;
  ciPassed: boolean | null;
  hiddenPassed: boolean | null;
  scopePassed: boolean | null;
  /** Whether the judge vetoed at least once; null when the judge gave no verdict. */
  vetoed: boolean | null;
  costUsd: number | null;
  wallMs: number;
  turns: number;
}

/** Runs of one variant keyed by `scenario#epoch`. */
export type SideRuns = ReadonlyMap<string, PairSide>;
export const pairKey = (scenario: string, epoch: number): string => `${scenario}#${epoch}`;

export interface BinaryComparison {
  metric: 'success' | 'ci_pass' | 'hidden_pass' | 'scope_adherence' | 'veto';
  /** Pairs where both sides have the metric. */
  pairs: number;
  base: RateInterval;
  cand: RateInterval;
  /** cand − base, as a fraction, with a paired bootstrap 95% interval. */
  delta: Interval;
  /** Discordant pairs: yes in base only (b), yes in candidate only (c). */
  b: number;
  c: number;
  p: number;
}

export interface NumericComparison {
  metric: 'cost_usd' | 'wall_seconds' | 'turns';
  pairs: number;
  baseMean: number;
  candMean: number;
  /** mean(cand − base) with a paired bootstrap 95% interval; NaN when a side lacks the value (e.g. unknown cost). */
  delta: Interval;
}

export interface Flip { scenario: string; epoch: number; base: RunOutcome; cand: RunOutcome }

export interface VariantComparison {
  base: string;
  cand: string;
  /** Pairs where both runs were graded (harness errors on either side are left out and counted). */
  pairs: number;
  errorPairs: number;
  unpairedBase: number;
  unpairedCand: number;
  success: BinaryComparison;
  binary: BinaryComparison[];
  numeric: NumericComparison[];
  outcomes: { base: Record<Outcome, number>; cand: Record<Outcome, number> };
  /** Pairs that went from success to anything else, and the other way. */
  regressed: Flip[];
  improved: Flip[];
}

export interface CompareOptions { seed?: number; resamples?: number }

/** Which variants to compare: the ones present in both; or, when each side has exactly one, those two (e.g. a prompt change). */
export function pairVariants(baseIds: readonly string[], candIds: readonly string[]): { pairs: [string, string][]; onlyBase: string[]; onlyCand: string[] } {
  const common = baseIds.filter((id) => candIds.includes(id));
  if (!common.length && baseIds.length === 1 && candIds.length === 1) return { pairs: [[baseIds[0], candIds[0]]], onlyBase: [], onlyCand: [] };
  return { pairs: common.map((id) => [id, id]), onlyBase: baseIds.filter((id) => !common.includes(id)), onlyCand: candIds.filter((id) => !common.includes(id)) };
}

function binary(metric: BinaryComparison['metric'], pairs: [PairSide, PairSide][], get: (s: PairSide) => boolean | null, opts: CompareOptions): BinaryComparison {
  const base: number[] = [], cand: number[] = [];
  let b = 0, c = 0;
  for (const [x, y] of pairs) {
    const bx = get(x), by = get(y);
    if (bx === null || by === null) continue;
    base.push(bx ? 1 : 0);
    cand.push(by ? 1 : 0);
    if (bx && !by) b++;
    if (!bx && by) c++;
  }
  const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
  return {
    metric, pairs: base.length, base: wilsonInterval(sum(base), base.length), cand: wilsonInterval(sum(cand), cand.length),
    delta: pairedBootstrapDelta(base, cand, opts), b, c, p: mcnemarExact(b, c),
  };
}

function numeric(metric: NumericComparison['metric'], pairs: [PairSide, PairSide][], get: (s: PairSide) => number | null, opts: CompareOptions): NumericComparison {
  const base = pairs.map(([x]) => get(x)), cand = pairs.map(([, y]) => get(y));
  if (base.some((v) => v === null) || cand.some((v) => v === null)) {
    return { metric, pairs: pairs.length, baseMean: NaN, candMean: NaN, delta: { estimate: NaN, low: NaN, high: NaN } };
  }
  const bs = base as number[], cs = cand as number[];
  return { metric, pairs: pairs.length, baseMean: mean(bs), candMean: mean(cs), delta: pairedBootstrapDelta(bs, cs, opts) };
}

const emptyOutcomes = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

/** Compare one baseline variant's runs with one candidate variant's runs, paired by scenario and epoch. */
export function compareVariant(baseId: string, candId: string, base: SideRuns, cand: SideRuns, opts: CompareOptions = {}): VariantComparison {
  const o = { seed: opts.seed ?? 1, resamples: opts.resamples ?? 2000 };
  const pairs: [PairSide, PairSide][] = [];
  const regressed: Flip[] = [], improved: Flip[] = [];
  const outcomes = { base: emptyOutcomes(), cand: emptyOutcomes() };
  let errorPairs = 0, unpairedBase = 0;
  const keys = [...base.keys()].sort();
  for (const k of keys) {
    const x = base.get(k)!, y = cand.get(k);
    if (!y) { unpairedBase++; continue; }
    if (x.outcome === 'error' || y.outcome === 'error') { errorPairs++; continue; }
    pairs.push([x, y]);
    outcomes.base[x.outcome]++;
    outcomes.cand[y.outcome]++;
    const at = k.lastIndexOf('#');
    const flip = { scenario: k.slice(0, at), epoch: Number(k.slice(at + 1)), base: x.outcome, cand: y.outcome };
    if (x.outcome === 'success' && y.outcome !== 'success') regressed.push(flip);
    if (x.outcome !== 'success' && y.outcome === 'success') improved.push(flip);
  }
  const unpairedCand = [...cand.keys()].filter((k) => !base.has(k)).length;
  const success = binary('success', pairs, (s) => s.outcome === 'success', o);
  return {
    base: baseId, cand: candId, pairs: pairs.length, errorPairs, unpairedBase, unpairedCand, success,
    binary: [
      success,
      binary('ci_pass', pairs, (s) => s.ciPassed, o),
      binary('hidden_pass', pairs, (s) => s.hiddenPassed, o),
      binary('scope_adherence', pairs, (s) => s.scopePassed, o),
      binary('veto', pairs, (s) => s.vetoed, o),
    ],
    numeric: [
      numeric('cost_usd', pairs, (s) => s.costUsd, o),
      numeric('wall_seconds', pairs, (s) => s.wallMs / 1000, o),
      numeric('turns', pairs, (s) => s.turns, o),
    ],
    outcomes, regressed, improved,
  };
}
