// Hand-built results directories for report, compare, gate and merge tests: a RunResult with every field defaulted,
// and a writer for results.jsonl + run.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunResultSchema, type RunResult } from '../../src/pipeline/result.ts';
import type { Outcome } from '../../src/scenarios/schema.ts';
import { matrixHash } from '../../src/runner/runner.ts';

type Partial2<T> = { [K in keyof T]?: T[K] };

/** A run that produced a diff and graded to `outcome`, with the flags that outcome implies. */
export function result(over: Partial2<RunResult> & Pick<RunResult, 'scenario' | 'agent' | 'epoch' | 'outcome'>): RunResult {
  const o = over.outcome;
  const graded = o === 'error' || o === 'no_pr' ? null : (o as Outcome);
  const base: RunResult = {
    scenario: over.scenario, agent: over.agent, judge: 'heuristic', epoch: over.epoch, outcome: o,
    reason: o === 'success' ? 'CI, hidden checks and scope all pass' : `graded ${o}`,
    graded, submitted: o !== 'no_pr' && o !== 'error',
    ciPassed: graded ? graded !== 'ci_fail' : null,
    hiddenPassed: graded ? (graded === 'ci_fail' ? null : graded !== 'incorrect') : null,
    scopePassed: graded ? graded !== 'out_of_scope' : null,
    scopeViolations: graded === 'out_of_scope' ? [{ rule: 'outside-allow', file: 'x.py', detail: 'not allowed' }] : [],
    ci: [], hiddenSummary: null,
    judgeVerdicts: graded ? [{ verdict: graded === 'out_of_scope' ? 'veto' : 'approve', reason: 'r', error: null }] : [],
    vetoes: graded === 'out_of_scope' ? 1 : 0, courseCorrected: graded === 'out_of_scope' ? false : null,
    stopHookBlocks: 0, turns: 1, toolCalls: 1, verifierCalls: 0,
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, costUsd: 0, wallMs: 1000,
    judgeTokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, judgeCostUsd: 0,
    diffStats: { files: graded ? 1 : 0, added: graded ? 1 : 0, removed: graded ? 1 : 0 }, sandbox: 'local', transcript: null,
    error: o === 'error' ? 'sandbox died' : null, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z',
  };
  return RunResultSchema.parse({ ...base, ...over });
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `fb-${prefix}-`));
}

/** Write results.jsonl (in the given order) and a run.json describing the matrix the results come from. */
export interface MatrixSpec { scenarios: string[]; agents: string[]; judges: string[]; epochs: number }

export function writeRunDir(dir: string, results: readonly RunResult[], opts: { shard?: { index: number; count: number } | null; matrix?: MatrixSpec; extra?: string } = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.jsonl'), results.map((r) => JSON.stringify(r) + '\n').join('') + (opts.extra ?? ''));
  const uniq = (xs: string[]) => [...new Set(xs)];
  const m = {
    ...(opts.matrix ?? {
      scenarios: uniq(results.map((r) => r.scenario)).sort(), agents: uniq(results.map((r) => r.agent)), judges: uniq(results.map((r) => r.judge)),
      epochs: Math.max(1, ...results.map((r) => r.epoch)),
    }),
    limits: {},
  };
  fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify({
    version: 1, matrixHash: matrixHash(m), ...m, sandbox: 'local', shard: opts.shard ?? null, createdAt: '2026-01-01T00:00:00.000Z',
  }, null, 2));
  return dir;
}

export function readJsonl(file: string): RunResult[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => RunResultSchema.parse(JSON.parse(l)));
}

export const HAND_AGENT = 'builtin:base@m';
const A = HAND_AGENT, B = 'noop';

/**
 * Variant A (5 scenarios × 2 epochs + one harness error):
 *   s1 success success · s2 success no_pr(graded success, vetoed twice) · s3 ci_fail incorrect · s4 out_of_scope success · s5 success success
 * cost: 0.10 per success, 0.05 otherwise → 0.80; turns: 3 per success, 5 otherwise → 3.8; wall 1 s each, s1#1 3 s → 1.2 s.
 */
export function handFixture(): RunResult[] {
  const a = (scenario: string, epoch: number, outcome: RunResult['outcome'], over: Partial<RunResult> = {}) =>
    result({ scenario, agent: A, epoch, outcome, costUsd: outcome === 'success' ? 0.1 : 0.05, turns: outcome === 'success' ? 3 : 5,
      tokens: { input: 100, output: 0, cacheRead: 0, cacheWrite: 0 }, ...over });
  const falsePositive: Partial<RunResult> = {
    graded: 'success', submitted: false, ciPassed: true, hiddenPassed: true, scopePassed: true, vetoes: 2, courseCorrected: false,
    judgeVerdicts: [{ verdict: 'veto', reason: 'scope?', error: null }, { verdict: 'veto', reason: 'still', error: null }], reason: 'judge vetoed until the turn limit',
  };
  return [
    a('s1', 1, 'ci_fail'), // superseded by the later line for the same key
    a('s1', 1, 'success', { wallMs: 3000 }), a('s1', 2, 'success'),
    a('s2', 1, 'success'), a('s2', 2, 'no_pr', falsePositive),
    a('s3', 1, 'ci_fail'), a('s3', 2, 'incorrect'),
    a('s4', 1, 'out_of_scope'), a('s4', 2, 'success'),
    a('s5', 1, 'success'), a('s5', 2, 'success'),
    a('s6', 1, 'error', { costUsd: 0.02 }),
    ...['s1', 's2', 's3', 's4', 's5'].flatMap((s) => [1, 2].map((e) => result({ scenario: s, agent: B, epoch: e, outcome: 'no_pr' }))),
  ];
}
