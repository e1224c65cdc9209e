// pass@k and pass^k over repeated epochs, per agent × judge variant. Pure.
// For each scenario, c = successes among its n graded epochs (harness errors excluded); the per-scenario unbiased
// estimators are averaged over scenarios. Scenarios with fewer than k graded epochs cannot estimate k and are left out
// of that k (the count used is reported). The interval is over scenarios, the unit that was sampled: a seeded
// percentile bootstrap up to BOOTSTRAP_MAX_SCENARIOS scenarios; beyond that, where the bootstrap would cost seconds and
// the mean of thousands of bounded values is close to normal, the normal interval mean ± z·sd/√S (clipped to [0, 1]).
import { bootstrapInterval, mean, normalQuantile, passAtK, passHatK, type Interval } from './stats.ts';

export const BOOTSTRAP_MAX_SCENARIOS = 300;

export interface PassKPoint {
  k: number;
  /** Scenarios with at least k graded epochs. */
  scenarios: number;
  passAtK: Interval;
  passHatK: Interval;
}

export interface ScenarioCount { n: number; c: number }

/** Accumulates successes per variant and scenario as results stream by. */
export class PassKAccumulator {
  private byVariant = new Map<string, Map<string, ScenarioCount>>();

  add(variant: string, scenario: string, success: boolean): void {
    let m = this.byVariant.get(variant);
    if (!m) this.byVariant.set(variant, (m = new Map()));
    const s = m.get(scenario) ?? { n: 0, c: 0 };
    s.n++;
    if (success) s.c++;
    m.set(scenario, s);
  }

  /** Largest number of graded epochs any scenario of any variant has. */
  maxEpochs(): number {
    let max = 0;
    for (const m of this.byVariant.values()) for (const s of m.values()) max = Math.max(max, s.n);
    return max;
  }

  /** pass@k / pass^k for k = 1..(max epochs of the variant); empty when no scenario has more than one epoch. */
  curve(variant: string, opts: { resamples?: number; seed?: number } = {}): PassKPoint[] {
    const counts = [...(this.byVariant.get(variant)?.values() ?? [])];
    return passKCurve(counts, opts);
  }
}

export function passKCurve(counts: readonly ScenarioCount[], opts: { resamples?: number; seed?: number } = {}): PassKPoint[] {
  const maxN = counts.reduce((m, s) => Math.max(m, s.n), 0);
  if (maxN < 2) return [];
  const boot = { resamples: opts.resamples ?? 1000, seed: opts.seed ?? 1 };
  const out: PassKPoint[] = [];
  for (let k = 1; k <= maxN; k++) {
    const usable = counts.filter((s) => s.n >= k);
    const at = usable.map((s) => passAtK(s.n, s.c, k));
    const hat = usable.map((s) => passHatK(s.n, s.c, k));
    out.push({ k, scenarios: usable.length, passAtK: meanInterval(at, boot), passHatK: meanInterval(hat, boot) });
  }
  return out;
}

/** 95% interval of the mean of per-scenario estimates in [0, 1] (see the header for the method). */
export function meanInterval(values: readonly number[], boot: { resamples: number; seed: number }): Interval {
  if (values.length <= BOOTSTRAP_MAX_SCENARIOS) return bootstrapInterval(values, mean, boot);
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  const half = normalQuantile(0.975) * Math.sqrt(ss / (values.length - 1) / values.length);
  return { estimate: m, low: Math.max(0, m - half), high: Math.min(1, m + half) };
}
