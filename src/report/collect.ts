// Reading a results directory for the reports: one streaming pass over results.jsonl that keeps only a slim row per
// run key (later lines win), so a report over 100,000 runs never holds 100,000 full results (diffs, verifier output).
import fs from 'node:fs';
import path from 'node:path';
import type { RunResult, RunOutcome } from '../pipeline/result.ts';
import { modelFailureOf, runKeyString } from '../pipeline/result.ts';
import type { ModelFailureKind } from '../models/failures.ts';
import { readResults, RESULTS_FILE } from '../runner/store.ts';
import { Aggregator, ModelFailureAccumulator, type AggregatableRun, type ModelFailureBreakdown, type VariantAggregate } from '../scoring/aggregate.ts';
import { PassKAccumulator, type PassKPoint } from '../scoring/passk.ts';
import { wilsonInterval, type RateInterval } from '../scoring/stats.ts';
import { assumedDiscordance, minimumDetectableDelta } from '../scoring/power.ts';

/** The part of a RunResult the report writers use (no diffs, transcripts or verifier output). */
export interface RunRow extends AggregatableRun {
  scenario: string; epoch: number; outcome: RunOutcome; reason: string; submitted: boolean;
  scopeViolations: number; scopeRules: string; stopHookBlocks: number; toolCalls: number; verifierCalls: number;
  diffFiles: number; diffAdded: number; diffRemoved: number; lastVerdict: 'approve' | 'veto' | null;
  error: string | null; transcript: string | null; startedAt: string;
  judgeTokensInput: number; judgeTokensOutput: number;
  /** The kind of the agent model's failure that ended the run (no_pr), or null. */
  modelFailure: { kind: ModelFailureKind } | null;
}

export interface VariantReport extends VariantAggregate {
  /** "agent · judge" */
  id: string;
  /** Harness errors over all attempted runs (errors + graded). */
  errorRate: RateInterval;
  judgeFpr: RateInterval;
  judgeFnr: RateInterval;
  meanTokens: number;
  /** pass@k and pass^k for k = 1..epochs; empty with a single epoch. */
  passK: PassKPoint[];
}

export interface ReportSummary {
  generatedAt: string;
  /** Distinct run keys, harness errors included. */
  runs: number;
  errors: number;
  scenarios: number;
  /** Most graded epochs of any scenario × variant. */
  epochs: number;
  variants: VariantReport[];
  /** Per agent model: success rate beside the share of runs that ended on a model-caused failure, by kind. */
  modelFailures: ModelFailureBreakdown[];
  /** scenario → variant id → outcome per epoch (index epoch − 1) */
  matrix: Record<string, Record<string, string[]>>;
  /** Lines that did not parse (a torn write), and lines superseded by a later line with the same run key. */
  badLines: number;
  supersededLines: number;
  /** What differences in success rate this run's size can tell apart (scoring/power.ts). */
  power: RunPower;
}

/** Minimum detectable differences (fractions; Infinity when out of reach) at 80% power with compare's paired test. */
export interface RunPower {
  scenarios: number;
  epochs: number;
  /** Pooled success rate of every variant, and the discordance 2p(1 − p) assumed from it for the headline figure. */
  rate: number;
  discordance: number;
  mde: number;
  /** Each variant against the first (the baseline column), at the discordance observed between their paired runs. */
  versusFirst: { base: string; cand: string; pairs: number; discordance: number; mde: number }[];
}

/** Paired runs (same scenario and epoch, both graded) of two variants in the matrix, and how many of them differ in success. */
function pairing(matrix: ReportSummary['matrix'], a: string, b: string): { pairs: number; discordant: number } {
  let pairs = 0, discordant = 0;
  for (const row of Object.values(matrix)) {
    const x = row[a] ?? [], y = row[b] ?? [];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i] || !y[i] || x[i] === 'error' || y[i] === 'error') continue;
      pairs++;
      if ((x[i] === 'success') !== (y[i] === 'success')) discordant++;
    }
  }
  return { pairs, discordant };
}

export function runPower(variants: readonly VariantReport[], matrix: ReportSummary['matrix'], scenarios: number, epochs: number): RunPower {
  const graded = variants.reduce((s, v) => s + v.n, 0), successes = variants.reduce((s, v) => s + v.outcomes.success, 0);
  const rate = graded ? successes / graded : NaN;
  const discordance = Number.isFinite(rate) ? assumedDiscordance(rate) : 0;
  const e = Math.max(1, epochs);
  const versusFirst = variants.slice(1).map((v) => {
    const { pairs, discordant } = pairing(matrix, variants[0].id, v.id);
    const observed = pairs ? discordant / pairs : 0;
    return { base: variants[0].id, cand: v.id, pairs, discordance: observed, mde: minimumDetectableDelta(pairs, observed) };
  });
  return { scenarios, epochs: e, rate, discordance, mde: minimumDetectableDelta(scenarios * e, discordance), versusFirst };
}

export interface CollectedReport { summary: ReportSummary; rows: RunRow[] }

/** Plain string order (localeCompare is ~10× slower, and 100,000 rows get sorted). */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const variantId = (agent: string, judge: string): string => `${agent} · ${judge}`;

/** Identical strings from different lines share one copy (100,000 rows repeat a few agent/judge/scenario names). */
class Interner {
  private seen = new Map<string, string>();
  of(s: string): string {
    const hit = this.seen.get(s);
    if (hit !== undefined) return hit;
    this.seen.set(s, s);
    return s;
  }
}

type Verdicts = RunRow['judgeVerdicts'];
const verdictLists = new Map<string, Verdicts>();
/** The verdict sequences repeat (approve; veto, approve; …): rows share one frozen list per sequence. */
function sharedVerdicts(r: RunResult): Verdicts {
  const sig = r.judgeVerdicts.map((v) => v.verdict ?? '-').join(',');
  let list = verdictLists.get(sig);
  if (!list) verdictLists.set(sig, (list = Object.freeze(r.judgeVerdicts.map((v) => Object.freeze({ verdict: v.verdict })))));
  return list;
}

export function toRow(r: RunResult, intern: (s: string) => string = (s) => s): RunRow {
  return {
    scenario: intern(r.scenario), agent: intern(r.agent), judge: intern(r.judge), epoch: r.epoch, outcome: r.outcome,
    reason: intern(r.reason), graded: r.graded, submitted: r.submitted, ciPassed: r.ciPassed, hiddenPassed: r.hiddenPassed,
    scopePassed: r.scopePassed, scopeViolations: r.scopeViolations.length,
    scopeRules: r.scopeViolations.length ? intern([...new Set(r.scopeViolations.map((v) => v.rule))].join(' ')) : '',
    judgeVerdicts: sharedVerdicts(r), lastVerdict: r.judgeVerdicts.at(-1)?.verdict ?? null,
    vetoes: r.vetoes, courseCorrected: r.courseCorrected, stopHookBlocks: r.stopHookBlocks, turns: r.turns,
    toolCalls: r.toolCalls, verifierCalls: r.verifierCalls, tokens: r.tokens, costUsd: r.costUsd, wallMs: r.wallMs,
    judgeCostUsd: r.judgeCostUsd, judgeTokensInput: r.judgeTokens.input, judgeTokensOutput: r.judgeTokens.output,
    diffFiles: r.diffStats.files, diffAdded: r.diffStats.added, diffRemoved: r.diffStats.removed,
    error: r.error, transcript: r.transcript, startedAt: r.startedAt,
    modelFailure: failureKind(modelFailureOf(r)?.kind),
  };
}

const failureKinds = new Map<ModelFailureKind, { kind: ModelFailureKind }>();
/** Rows share one frozen object per kind. */
function failureKind(kind: ModelFailureKind | undefined): RunRow['modelFailure'] {
  if (!kind) return null;
  let v = failureKinds.get(kind);
  if (!v) failureKinds.set(kind, (v = Object.freeze({ kind })));
  return v;
}

/** Stream results.jsonl into one slim row per run key; later lines win (the store's rule). */
export async function readRows(dir: string): Promise<{ rows: Map<string, RunRow>; badLines: number; supersededLines: number }> {
  const rows = new Map<string, RunRow>();
  const intern = new Interner();
  let badLines = 0, lines = 0;
  for await (const r of readResults(path.join(dir, RESULTS_FILE), () => badLines++)) {
    lines++;
    rows.set(runKeyString(r), toRow(r, (s) => intern.of(s)));
  }
  return { rows, badLines, supersededLines: lines - rows.size };
}

/** Variant order: the manifest's agents × judges when there is one, then any others alphabetically. */
export function variantOrder(dir: string, ids: Iterable<string>): string[] {
  const seen = [...new Set(ids)];
  let preferred: string[] = [];
  // Read run.json loosely here: importing the runner would load every agent and model SDK just to order columns.
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8')) as { agents?: unknown; judges?: unknown };
    if (Array.isArray(m.agents) && Array.isArray(m.judges)) preferred = m.agents.flatMap((a) => (m.judges as unknown[]).map((j) => variantId(String(a), String(j))));
  } catch { /* no or unreadable manifest: alphabetical order */ }
  const rank = new Map(preferred.map((id, i) => [id, i]));
  return seen.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || byCodePoint(a, b));
}

export function summarize(rowsByKey: Iterable<RunRow>, order: (ids: string[]) => string[], extra: { badLines: number; supersededLines: number }): CollectedReport {
  const agg = new Aggregator();
  const passK = new PassKAccumulator();
  const failures = new ModelFailureAccumulator();
  const matrix: ReportSummary['matrix'] = {};
  const rows: RunRow[] = [];
  let errors = 0;
  for (const r of rowsByKey) {
    rows.push(r);
    agg.add(r);
    failures.add(r);
    const v = variantId(r.agent, r.judge);
    ((matrix[r.scenario] ??= {})[v] ??= [])[r.epoch - 1] = r.outcome;
    if (r.outcome === 'error') errors++;
    else passK.add(v, r.scenario, r.outcome === 'success');
  }
  const byId = new Map(agg.variants().map((v) => [variantId(v.agent, v.judge), v]));
  const ids = order([...byId.keys()]);
  // Decorate-sort-undecorate: the variant's rank is looked up once per row, not once per comparison.
  const rank = new Map(ids.map((id, i) => [id, i]));
  const ranked = rows.map((r) => ({ rank: rank.get(variantId(r.agent, r.judge))!, r }));
  ranked.sort((a, b) => a.rank - b.rank || byCodePoint(a.r.scenario, b.r.scenario) || a.r.epoch - b.r.epoch);
  for (let i = 0; i < rows.length; i++) rows[i] = ranked[i].r;
  const variants = ids.map((id): VariantReport => {
    const v = byId.get(id)!;
    const cm = v.judgeConfusion;
    const tokens = v.tokens.input + v.tokens.output + v.tokens.cacheRead + v.tokens.cacheWrite;
    return {
      ...v, id, errorRate: wilsonInterval(v.errors, v.n + v.errors),
      judgeFpr: wilsonInterval(cm.fp, cm.fp + cm.tn), judgeFnr: wilsonInterval(cm.fn, cm.fn + cm.tp),
      meanTokens: v.n ? tokens / v.n : NaN, passK: passK.curve(id),
    };
  });
  // Sorted for a stable summary.json and matrix.
  const sortedMatrix = Object.fromEntries(Object.keys(matrix).sort(byCodePoint).map((s) => [s, matrix[s]]));
  const scenarios = Object.keys(matrix).length, epochs = passK.maxEpochs();
  return {
    rows,
    summary: {
      generatedAt: new Date().toISOString(), runs: rows.length, errors, scenarios, epochs, variants,
      modelFailures: failures.breakdown(), matrix: sortedMatrix, power: runPower(variants, sortedMatrix, scenarios, epochs), ...extra,
    },
  };
}

/** Everything the report writers need from a results directory, in one streaming pass. */
export async function collectReport(dir: string): Promise<CollectedReport> {
  const { rows, badLines, supersededLines } = await readRows(dir);
  return summarize(rows.values(), (ids) => variantOrder(dir, ids), { badLines, supersededLines });
}
