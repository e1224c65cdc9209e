// Aggregates per agent × judge variant, built by a streaming accumulator (results are never all in memory). Pure.
import { OUTCOMES, type Outcome } from '../scenarios/schema.ts';
import { addTokens, modelFailureOf, type RunResult, type Tokens } from '../pipeline/result.ts';
import { modelFailureKindSchema, type ModelFailure, type ModelFailureKind } from '../models/failures.ts';

/** What the aggregator reads from a run: a full RunResult, or the slim row the report keeps in memory. */
export type AggregatableRun = Pick<RunResult, 'agent' | 'judge' | 'outcome' | 'graded' | 'ciPassed' | 'hiddenPassed' | 'scopePassed'
  | 'vetoes' | 'courseCorrected' | 'turns' | 'tokens' | 'costUsd' | 'judgeCostUsd' | 'wallMs'> & { judgeVerdicts: ReadonlyArray<{ verdict: 'approve' | 'veto' | null }> }
  & { reason?: string; modelFailure?: Pick<ModelFailure, 'kind'> | ModelFailure | null };

export const MODEL_FAILURE_KINDS: readonly ModelFailureKind[] = modelFailureKindSchema.options;
const emptyKinds = (): Record<ModelFailureKind, number> => Object.fromEntries(MODEL_FAILURE_KINDS.map((k) => [k, 0])) as Record<ModelFailureKind, number>;

/** The kind of a run's model-caused failure, from the field or (older results) its `model: …` reason. */
export function modelFailureKindOf(r: Pick<AggregatableRun, 'outcome' | 'reason' | 'modelFailure'>): ModelFailureKind | null {
  if (r.outcome !== 'no_pr') return null;
  if (r.modelFailure) return r.modelFailure.kind;
  return modelFailureOf({ outcome: r.outcome, reason: r.reason })?.kind ?? null;
}

/** The model an agent spec runs: `builtin:<prompt>@<model>` and `claude-code@<model>` → `<model>`; others as they are. */
export function modelOfAgent(agent: string): string {
  const at = agent.indexOf('@');
  return at >= 0 ? agent.slice(at + 1) : agent;
}
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
  /** Runs that ended (no_pr) on a failure of the agent's model, by kind, and their share of n. */
  modelFailures: Record<ModelFailureKind, number>;
  modelFailureRate: RateInterval;
  /** Judge verdicts that were judge errors (no valid verdict), over all verdicts asked for. */
  judgeErrors: number;
  judgeErrorRate: RateInterval;
}

/** Per model (of the agent), over every variant that runs it: the success rate beside the share of runs that ended on
 * a model-caused failure, by kind. Harness errors are counted apart (never the model's). */
export interface ModelFailureBreakdown {
  model: string;
  n: number;
  errors: number;
  successes: number;
  successRate: RateInterval;
  failures: number;
  failureRate: RateInterval;
  byKind: Record<ModelFailureKind, { count: number; rate: RateInterval }>;
}

export class ModelFailureAccumulator {
  private accs = new Map<string, { n: number; errors: number; successes: number; failures: number; kinds: Record<ModelFailureKind, number> }>();

  add(r: Pick<AggregatableRun, 'agent' | 'outcome' | 'reason' | 'modelFailure'>): void {
    const model = modelOfAgent(r.agent);
    let a = this.accs.get(model);
    if (!a) this.accs.set(model, (a = { n: 0, errors: 0, successes: 0, failures: 0, kinds: emptyKinds() }));
    if (r.outcome === 'error') { a.errors++; return; }
    a.n++;
    if (r.outcome === 'success') a.successes++;
    const kind = modelFailureKindOf(r);
    if (kind) { a.failures++; a.kinds[kind]++; }
  }

  breakdown(): ModelFailureBreakdown[] {
    return [...this.accs.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([model, a]) => ({
      model, n: a.n, errors: a.errors, successes: a.successes, successRate: wilsonInterval(a.successes, a.n),
      failures: a.failures, failureRate: wilsonInterval(a.failures, a.n),
      byKind: Object.fromEntries(MODEL_FAILURE_KINDS.map((k) => [k, { count: a.kinds[k], rate: wilsonInterval(a.kinds[k], a.n) }])) as ModelFailureBreakdown['byKind'],
    }));
  }
}

export function modelFailureBreakdown(results: Iterable<Pick<AggregatableRun, 'agent' | 'outcome' | 'reason' | 'modelFailure'>>): ModelFailureBreakdown[] {
  const acc = new ModelFailureAccumulator();
  for (const r of results) acc.add(r);
  return acc.breakdown();
}

interface Acc {
  agent: string; judge: string; n: number; errors: number; outcomes: Record<Outcome, number>;
  ciN: number; ciPass: number; hidN: number; hidPass: number; scopeN: number; scopeOk: number;
  judged: number; vetoed: number; correctedN: number; corrected: number; cm: ConfusionCounts;
  turns: number; tokens: Tokens; cost: number; costUnknown: boolean; judgeCost: number; judgeCostUnknown: boolean; wall: number;
  modelFailures: Record<ModelFailureKind, number>; modelFailed: number; verdictsAsked: number; judgeErrors: number;
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
        tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, cost: 0, costUnknown: false, judgeCost: 0, judgeCostUnknown: false, wall: 0,
        modelFailures: emptyKinds(), modelFailed: 0, verdictsAsked: 0, judgeErrors: 0 };
      this.accs.set(key, a);
    }
    if (r.outcome === 'error') { a.errors++; return; }
    a.n++;
    a.outcomes[r.outcome]++;
    const failed = modelFailureKindOf(r);
    if (failed) { a.modelFailed++; a.modelFailures[failed]++; }
    a.verdictsAsked += r.judgeVerdicts.length;
    for (const v of r.judgeVerdicts) if (v.verdict === null) a.judgeErrors++;
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
        modelFailures: a.modelFailures, modelFailureRate: wilsonInterval(a.modelFailed, a.n),
        judgeErrors: a.judgeErrors, judgeErrorRate: wilsonInterval(a.judgeErrors, a.verdictsAsked),
      };
    });
  }
}

export function aggregate(results: Iterable<AggregatableRun>): VariantAggregate[] {
  const agg = new Aggregator();
  for (const r of results) agg.add(r);
  return agg.variants();
}
