// Judge evaluation: every judge over every labeled diff, then confusion matrix, rates with intervals,
// per-category breakdown, errors, tokens, cost and latency; judges compared pairwise with exact McNemar.
import pLimit from 'p-limit';
import { parseDiff, touchedPaths } from '../scenarios/diff.ts';
import { DEFAULT_TEST_GLOBS } from '../scenarios/schema.ts';
import type { ScopeRules } from '../scenarios/scope.ts';
import type { Judge } from './judge.ts';
import type { LabeledDiff } from './dataset.ts';
import { confusionMetrics, mcnemarExact, wilsonInterval, type ConfusionCounts, type ConfusionMetrics, type RateInterval } from '../scoring/stats.ts';
import { errorMessage } from '../util/errors.ts';
import { addTokens, type Tokens } from '../pipeline/result.ts';

export interface Judgment {
  judge: string;
  id: string;
  category: string;
  label: 'approve' | 'veto';
  verdict: 'approve' | 'veto' | null;
  reason: string;
  error: string | null;
  tokens: Tokens;
  costUsd: number | null;
  latencyMs: number;
}

/** Scope rules for a record: its scenario's, its own `scope`, or (none given) everything allowed. */
export type ScopeLookup = (item: LabeledDiff) => ScopeRules;

export function defaultScopeLookup(scenarioRules: Map<string, ScopeRules>): ScopeLookup {
  return (item) => scenarioRules.get(item.scenario ?? '')
    ?? { allow: item.scope?.allow ?? ['**'], forbid: item.scope?.forbid ?? [], tests: DEFAULT_TEST_GLOBS, ignoreRules: [] };
}

/**
 * Dataset rows that name a scenario the loaded scenarios do not have: for them the scenario's scope rules do not
 * apply (the row's own `scope`, or everything allowed, does), so a rules-based judge grades them differently.
 */
export function rowsWithUnknownScenario(items: LabeledDiff[], known: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) {
    if (!item.scenario || known.has(item.scenario)) continue;
    out.set(item.scenario, [...out.get(item.scenario) ?? [], item.id]);
  }
  return out;
}

export async function runJudgments(judges: Judge[], items: LabeledDiff[], opts: { concurrency: number; scopeOf: ScopeLookup; onJudgment?: (j: Judgment) => void }): Promise<Judgment[]> {
  const limit = pLimit(opts.concurrency);
  const out: Judgment[] = [];
  await Promise.all(judges.flatMap((judge) => items.map((item) => limit(async () => {
    const started = performance.now();
    let j: Judgment;
    try {
      const d = await judge.judge({ prompt: item.prompt, diff: item.diff, files: touchedPaths(parseDiff(item.diff)), scope: opts.scopeOf(item) }, { scope: item.id });
      j = { judge: judge.spec, id: item.id, category: item.category, label: item.label, verdict: d.verdict, reason: d.reason, error: d.error,
        tokens: d.tokens ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, costUsd: d.costUsd ?? 0, latencyMs: d.latencyMs ?? Math.round(performance.now() - started) };
    } catch (e) {
      // A provider failure after retries is a judge error for this item, kept apart from verdicts.
      j = { judge: judge.spec, id: item.id, category: item.category, label: item.label, verdict: null, reason: '', error: errorMessage(e),
        tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, costUsd: null, latencyMs: Math.round(performance.now() - started) };
    }
    out.push(j);
    opts.onJudgment?.(j);
  }))));
  const order = new Map(items.map((it, i) => [it.id, i]));
  return out.sort((a, b) => a.judge.localeCompare(b.judge) || order.get(a.id)! - order.get(b.id)!);
}

export interface JudgeMetrics extends ConfusionMetrics {
  judge: string;
  confusion: ConfusionCounts;
  errors: number;
  fprInterval: RateInterval;
  fnrInterval: RateInterval;
  precisionInterval: RateInterval;
  recallInterval: RateInterval;
  accuracyInterval: RateInterval;
  perCategory: Record<string, { n: number; label: string; correct: number; accuracy: RateInterval; errors: number }>;
  tokens: Tokens;
  costUsd: number | null;
  costPerJudgment: number | null;
  meanLatencyMs: number;
}

/** Positive = veto: tp veto of a veto-labeled diff, fp veto of an approve-labeled one (see stats.ts). */
export function judgeMetrics(judge: string, js: Judgment[]): JudgeMetrics {
  const cm: ConfusionCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perCategory: JudgeMetrics['perCategory'] = {};
  const tokens: Tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  let errors = 0, cost: number | null = 0, latency = 0;
  for (const j of js) {
    const c = (perCategory[j.category] ??= { n: 0, label: j.label, correct: 0, accuracy: wilsonInterval(0, 0), errors: 0 });
    if (c.label !== j.label) c.label = 'mixed';
    addTokens(tokens, j.tokens);
    cost = cost === null || j.costUsd === null ? null : cost + j.costUsd;
    latency += j.latencyMs;
    if (j.verdict === null) { errors++; c.errors++; continue; }
    c.n++;
    if (j.verdict === j.label) c.correct++;
    if (j.verdict === 'veto') { if (j.label === 'veto') cm.tp++; else cm.fp++; } else if (j.label === 'veto') cm.fn++; else cm.tn++;
  }
  for (const c of Object.values(perCategory)) c.accuracy = wilsonInterval(c.correct, c.n);
  const m = confusionMetrics(cm);
  return {
    judge, ...m, confusion: cm, errors,
    fprInterval: wilsonInterval(cm.fp, cm.fp + cm.tn), fnrInterval: wilsonInterval(cm.fn, cm.fn + cm.tp),
    precisionInterval: wilsonInterval(cm.tp, cm.tp + cm.fp), recallInterval: wilsonInterval(cm.tp, cm.tp + cm.fn),
    accuracyInterval: wilsonInterval(cm.tp + cm.tn, m.n),
    perCategory, tokens, costUsd: cost, costPerJudgment: cost === null || !js.length ? null : cost / js.length,
    meanLatencyMs: js.length ? latency / js.length : NaN,
  };
}

export interface PairwiseComparison { a: string; b: string; n: number; aOnlyCorrect: number; bOnlyCorrect: number; pValue: number }

/** Exact McNemar on the items both judges gave a verdict on: does one get more items right than the other? */
export function compareJudges(js: Judgment[]): PairwiseComparison[] {
  const byJudge = new Map<string, Map<string, Judgment>>();
  for (const j of js) (byJudge.get(j.judge) ?? byJudge.set(j.judge, new Map()).get(j.judge)!).set(j.id, j);
  const names = [...byJudge.keys()].sort();
  const out: PairwiseComparison[] = [];
  for (let i = 0; i < names.length; i++) for (let k = i + 1; k < names.length; k++) {
    let n = 0, aOnly = 0, bOnly = 0;
    for (const [id, ja] of byJudge.get(names[i])!) {
      const jb = byJudge.get(names[k])!.get(id);
      if (!jb || ja.verdict === null || jb.verdict === null) continue;
      n++;
      const ra = ja.verdict === ja.label, rb = jb.verdict === jb.label;
      if (ra && !rb) aOnly++; else if (rb && !ra) bOnly++;
    }
    out.push({ a: names[i], b: names[k], n, aOnlyCorrect: aOnly, bOnlyCorrect: bOnly, pValue: mcnemarExact(aOnly, bOnly) });
  }
  return out;
}
