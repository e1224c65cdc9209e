// Pure parts of compare, gate and pass@k: pairing, McNemar on flips, thresholds, regression rules.
import { describe, it, expect } from 'vitest';
import { compareVariant, pairKey, pairVariants, type PairSide } from '../../src/scoring/compare.ts';
import { evaluateThresholds, mergeThresholds, parseThreshold, regressionChecks, GATE_METRIC_NAMES, type GatedVariant } from '../../src/scoring/gate.ts';
import { passKCurve } from '../../src/scoring/passk.ts';
import { aggregate } from '../../src/scoring/aggregate.ts';
import { UsageError } from '../../src/util/errors.ts';
import { result } from '../report/fixtures.ts';

const side = (outcome: PairSide['outcome'], over: Partial<PairSide> = {}): PairSide => ({
  outcome, ciPassed: outcome === 'no_pr' ? null : outcome !== 'ci_fail', hiddenPassed: null, scopePassed: null, vetoed: null, costUsd: 0.1, wallMs: 1000, turns: 2, ...over,
});

describe('pairVariants', () => {
  it('pairs common variants, or a single one on each side whatever their names', () => {
    expect(pairVariants(['a · j', 'b · j'], ['b · j', 'c · j'])).toEqual({ pairs: [['b · j', 'b · j']], onlyBase: ['a · j'], onlyCand: ['c · j'] });
    expect(pairVariants(['builtin:v1@m · j'], ['builtin:v2@m · j'])).toEqual({ pairs: [['builtin:v1@m · j', 'builtin:v2@m · j']], onlyBase: [], onlyCand: [] });
    expect(pairVariants(['a', 'b'], ['c']).pairs).toEqual([]);
  });
});

describe('compareVariant', () => {
  // 10 scenarios: base succeeds on all; the candidate loses 6 of them (b = 6, c = 0) → p = 2 · 0.5^6 = 0.03125.
  const base = new Map(Array.from({ length: 10 }, (_, i) => [pairKey(`s${i}`, 1), side('success', { costUsd: 0.1, wallMs: 1000 })]));
  const cand = new Map(Array.from({ length: 10 }, (_, i) => [pairKey(`s${i}`, 1), side(i < 6 ? 'no_pr' : 'success', { costUsd: 0.3, wallMs: 3000 })]));
  cand.set(pairKey('extra', 1), side('success'));
  base.set(pairKey('err', 1), side('error'));
  cand.set(pairKey('err', 1), side('success'));
  const c = compareVariant('x', 'y', base, cand);

  it('pairs by scenario and epoch, leaving out errors and unpaired runs', () => {
    expect(c).toMatchObject({ pairs: 10, errorPairs: 1, unpairedBase: 0, unpairedCand: 1 });
    expect(c.outcomes.base.success).toBe(10);
    expect(c.outcomes.cand).toMatchObject({ success: 4, no_pr: 6 });
  });

  it('gives the success delta, exact McNemar p and the flips', () => {
    expect(c.success).toMatchObject({ pairs: 10, b: 6, c: 0 });
    expect(c.success.p).toBeCloseTo(0.03125, 12);
    expect(c.success.delta.estimate).toBeCloseTo(-0.6, 12);
    expect(c.success.delta.high).toBeLessThan(0);
    expect(c.regressed.map((f) => f.scenario)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    expect(c.regressed[0]).toEqual({ scenario: 's0', epoch: 1, base: 'success', cand: 'no_pr' });
    expect(c.improved).toEqual([]);
  });

  it('gives seeded paired bootstrap intervals for cost and time, n/a when a cost is unknown', () => {
    const cost = c.numeric.find((m) => m.metric === 'cost_usd')!;
    expect(cost.delta.estimate).toBeCloseTo(0.2, 12);
    expect(cost.delta.low).toBeCloseTo(0.2, 12); // every pair differs by exactly 0.2
    const wall = c.numeric.find((m) => m.metric === 'wall_seconds')!;
    expect(wall.delta.estimate).toBeCloseTo(2, 12);
    expect(compareVariant('x', 'y', base, cand)).toEqual(c); // same seed, same intervals
    const unknown = new Map([...cand].map(([k, v]) => [k, { ...v, costUsd: null }]));
    expect(Number.isNaN(compareVariant('x', 'y', base, unknown).numeric[0].delta.estimate)).toBe(true);
  });
});

describe('gate thresholds', () => {
  const variants: GatedVariant[] = aggregate([
    ...[1, 2, 3, 4].map((e) => result({ scenario: 's', agent: 'good', epoch: e, outcome: 'success', costUsd: 0.2 })),
    ...[1, 2, 3, 4].map((e) => result({ scenario: 's', agent: 'noop', epoch: e, outcome: 'no_pr', costUsd: 0 })),
  ]).map((v) => ({ ...v, id: `${v.agent} · ${v.judge}` }));

  it('parses METRIC=V (fractions or percentages) and rejects unknown metrics naming the valid ones', () => {
    expect(parseThreshold('min', 'success_rate=0.8')).toEqual({ metric: 'success_rate', kind: 'min', value: 0.8 });
    expect(parseThreshold('max', 'judge_fnr=10%')).toEqual({ metric: 'judge_fnr', kind: 'max', value: 0.1 });
    expect(() => parseThreshold('min', 'succes_rate=0.8')).toThrow(UsageError);
    expect(() => parseThreshold('min', 'succes_rate=0.8')).toThrow(/valid metrics: success_rate, ci_pass_rate/);
    expect(() => parseThreshold('min', 'success_rate=high')).toThrow(/not a number/);
    for (const m of ['success_rate', 'ci_pass_rate', 'hidden_pass_rate', 'scope_adherence', 'veto_rate', 'judge_fpr', 'judge_fnr', 'cost_per_run', 'cost_per_success', 'error_rate', 'mean_turns']) {
      expect(GATE_METRIC_NAMES).toContain(m);
    }
  });

  it('lets flags override the config per metric', () => {
    const t = mergeThresholds({ min: { success_rate: 0.5, ci_pass_rate: 0.9 }, max: {} }, [parseThreshold('min', 'success_rate=0.8')]);
    expect(t).toEqual([{ metric: 'success_rate', kind: 'min', value: 0.8 }, { metric: 'ci_pass_rate', kind: 'min', value: 0.9 }]);
    expect(() => mergeThresholds({ min: { nope: 1 }, max: {} }, [])).toThrow(/config gate.min: unknown metric 'nope'/);
  });

  it('fails the variant below a minimum and passes the others', () => {
    const checks = evaluateThresholds(variants, [parseThreshold('min', 'success_rate=0.9'), parseThreshold('max', 'cost_per_run=0.25')]);
    expect(checks.map((c) => [c.variant, c.metric, c.status])).toEqual([
      ['good · heuristic', 'success_rate', 'pass'], ['good · heuristic', 'cost_per_run', 'pass'],
      ['noop · heuristic', 'success_rate', 'fail'], ['noop · heuristic', 'cost_per_run', 'pass'],
    ]);
    expect(checks[2].interval).toMatchObject({ rate: 0, n: 4 });
  });

  it('reports conditional metrics without data as n/a, and fails unconditional ones', () => {
    const checks = evaluateThresholds(variants, [parseThreshold('min', 'ci_pass_rate=0.9'), parseThreshold('max', 'cost_per_success=1')]);
    const noop = checks.filter((c) => c.variant.startsWith('noop'));
    expect(noop.map((c) => c.status)).toEqual(['n/a', 'fail']); // noop produced no diff; it has no success, so its cost per success is unbounded
    expect(noop[1].value).toBe(Infinity);
  });
});

describe('regression checks', () => {
  const base = new Map(Array.from({ length: 10 }, (_, i) => [pairKey(`s${i}`, 1), side('success')]));
  const drop = (lost: number) => compareVariant('v', 'v', base, new Map([...base].map(([k, v], i) => [k, i < lost ? side('no_pr') : v])));

  it('fails on a significant drop (McNemar p < 0.05), passes on an insignificant one', () => {
    expect(regressionChecks([drop(6)])[0].status).toBe('fail'); // p = 0.03125
    expect(regressionChecks([drop(5)])[0].status).toBe('pass'); // p = 0.0625
    expect(regressionChecks([drop(0)])[0].status).toBe('pass');
  });

  it('fails on a drop beyond the margin even when not significant', () => {
    expect(regressionChecks([drop(2)], { margin: 0.1 })[0]).toMatchObject({ status: 'fail', note: 'drop 20.0 pp > margin' });
    expect(regressionChecks([drop(1)], { margin: 0.1 })[0].status).toBe('pass');
  });

  it('never fails on an improvement', () => {
    const worse = new Map([...base].map(([k]) => [k, side('no_pr')]));
    expect(regressionChecks([compareVariant('v', 'v', worse, base)])[0].status).toBe('pass');
  });
});

describe('passKCurve', () => {
  it('averages the unbiased estimators over scenarios with enough epochs', () => {
    // 3 epochs: 3/3, 1/3, 0/3; and a scenario with only 2 epochs (1/2) that cannot estimate k = 3.
    const curve = passKCurve([{ n: 3, c: 3 }, { n: 3, c: 1 }, { n: 3, c: 0 }, { n: 2, c: 1 }]);
    expect(curve.map((p) => p.scenarios)).toEqual([4, 4, 3]);
    expect(curve[0].passAtK.estimate).toBeCloseTo((1 + 1 / 3 + 0 + 0.5) / 4, 12);
    expect(curve[1].passAtK.estimate).toBeCloseTo((1 + 2 / 3 + 0 + 1) / 4, 12); // 1 − C(2,2)/C(3,2) = 2/3
    expect(curve[1].passHatK.estimate).toBeCloseTo((1 + 0 + 0 + 0) / 4, 12);
    expect(curve[2].passAtK.estimate).toBeCloseTo((1 + 1 + 0) / 3, 12);
    expect(curve[2].passHatK.estimate).toBeCloseTo(1 / 3, 12);
    expect(passKCurve([{ n: 1, c: 1 }])).toEqual([]);
  });
});
