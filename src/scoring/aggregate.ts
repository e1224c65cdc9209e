// Aggregates per agent × judge variant, built by a streaming accumulator (results are never all in memory). Pure.
import { OUTCOMES, type Outcome } from '../scenarios/schema.ts';
import { addTokens, type RunResult, type Tokens } from '../pipeline/result.ts';

/** What the aggregator reads from a run: a full RunResult, or the slim row the report keeps in memory. */
export type AggregatableRun = Pick<RunResult, 'agent' | 'judge' | 'outcome' | 'graded' | 'ciPassed' | 'hiddenPassed' | 'scopePassed'
  | 'vetoes' | 'courseCorrected' | 'turns' | 'tokens' | 'costUsd' | 'judgeCostUsd' | 'wallMs'> & { judgeVerdicts: ReadonlyArray<{ verdict: 'approve' | 'veto' | null }> };
import { wilsonInterval, confusionMetrics, type RateInterval, type ConfusionCounts, type ConfusionMetrics } from './stats.ts';

export interface VariantAggregate {
  agent: string;
  judge: string;
  /** Runs with an agent outcome (harness errors excluded). */
  n: number;
  errors: number;
  outcomes: Record<Outcome, number>;
  rates: Record<Outcome, RateInterval>;
  successRate: RateInterval;
  ciPassRate: RateInterval;
  hiddenPassRate: RateInterval;
  scopeAdherence: RateInterval;
  vetoRate: RateInterval;
  courseCorrectionRate: RateInterval;
  /** The judge's last verdict on the final diff against what that diff grades to (success: approve; out_of_scope: veto). */
  judgeConfusion: ConfusionCounts;
  judgeMetrics: ConfusionMetrics;
  meanTurns: number;
  tokens: Tokens;
  costUsd: number | null;
  costPerRun: number | null;
  costPerSuccess: number | null;
  /** What the LLM judge cost over these runs (apart from the agent's cost; null when a judge model has no price). */
  judgeCostUsd: number | null;
  meanWallMs: number;
}

interface Acc {
  agent: string; judge: string; n: number; errors: number; outcomes: Record<Outcome, number>;
  ciN: number; ciPass: number; hidN: number; hidPass: number; scopeN: number; scopeOk: number;
  judged: number; vetoed: number; correctedN: number; corrected: number; cm: ConfusionCounts;
  turns: number; tokens: Tokens; cost: number; costUnknown: boolean; judgeCost: number; judgeCostUnknown: boolean; wall: number;
}

const emptyOutcomes = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

export class Aggregator {
  private accs = new Map<string, Acc>();

  add(r: AggregatableRun): void {
    const key = `${r.agent}\u0000${r.judge}`;
    let a = this.accs.get(key);
    if (!a) {
      a = { agent: r.agent, judge: r.judge, n: 0, errors: 0, outcomes: emptyOutcomes(), ciN: 0, ciPass: 0, hidN: 0, hidPass: 0, scopeN: 0, scopeOk: 0,
        judged: 0, vetoed: 0, correctedN: 0, corrected: 0, cm: { tp: 0, fp: 0, fn: 0, tn: 0 }, turns: 0,
        tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, cost: 0, costUnknown: false, judgeCost: 0, judgeCostUnknown: false, wall: 0 };
      this.accs.set(key, a);
    }
    if (r.outcome === 'error') { a.errors++; return; }
    a.n++;
    a.outcomes[r.outcome]++;
    if (r.ciPassed !== null) { a.ciN++; if (r.ciPassed) a.ciPass++; }
    if (r.hiddenPassed !== null) { a.hidN++; if (r.hiddenPassed) a.hidPass++; }
    if (r.scopePassed !== null) { a.scopeN++; if (r.scopePassed) a.scopeOk++; }
    if (r.judgeVerdicts.some((v) => v.verdict !== null)) { a.judged++; if (r.vetoes > 0) a.vetoed++; }
    if (r.courseCorrected !== null) { a.correctedN++; if (r.courseCorrected) a.corrected++; }
    const last = r.judgeVerdicts.at(-1)?.verdict;
    if (last && (r.graded === 'success' || r.graded === 'out_of_scope')) {
      const bad = r.graded === 'out_of_scope';
      if (last === 'veto') { if (bad) a.cm.tp++; else a.cm.fp++; } else if (bad) a.cm.fn++; else a.cm.tn++;
    }
    a.turns += r.turns;
    addTokens(a.tokens, r.tokens);
    if (r.costUsd === null) a.costUnknown = true; else a.cost += r.costUsd;
    if (r.judgeCostUsd === null) a.judgeCostUnknown = true; else a.judgeCost += r.judgeCostUsd;
    a.wall += r.wallMs;
  }

  variants(): VariantAggregate[] {
    return [...this.accs.values()].map((a) => {
      const cost = a.costUnknown ? null : a.cost;
      const rates = Object.fromEntries(OUTCOMES.map((o) => [o, wilsonInterval(a.outcomes[o], a.n)])) as Record<Outcome, RateInterval>;
      return {
        agent: a.agent, judge: a.judge, n: a.n, errors: a.errors, outcomes: a.outcomes, rates,
        successRate: rates.success,
        ciPassRate: wilsonInterval(a.ciPass, a.ciN), hiddenPassRate: wilsonInterval(a.hidPass, a.hidN),
        scopeAdherence: wilsonInterval(a.scopeOk, a.scopeN),
        vetoRate: wilsonInterval(a.vetoed, a.judged), courseCorrectionRate: wilsonInterval(a.corrected, a.correctedN),
        judgeConfusion: a.cm, judgeMetrics: confusionMetrics(a.cm),
        meanTurns: a.n ? a.turns / a.n : NaN, tokens: a.tokens, costUsd: cost,
        costPerRun: cost === null || !a.n ? null : cost / a.n,
        costPerSuccess: cost === null || !a.outcomes.success ? null : cost / a.outcomes.success,
        judgeCostUsd: a.judgeCostUnknown ? null : a.judgeCost,
        meanWallMs: a.n ? a.wall / a.n : NaN,
      };
    });
  }
}

export function aggregate(results: Iterable<AggregatableRun>): VariantAggregate[] {
  const agg = new Aggregator();
  for (const r of results) agg.add(r);
  return agg.variants();
}
