// The one definition of a run's result: one line of results.jsonl.
import { z } from 'zod';
import { OutcomeSchema, ScopeRuleSchema, VerifierToolSchema } from '../scenarios/schema.ts';
import { modelFailureFromReason, modelFailureSchema, type ModelFailure } from '../models/failures.ts';

export const RunOutcomeSchema = z.union([OutcomeSchema, z.literal('error')]);
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;

export const TokensSchema = z.object({
  input: z.number().int().min(0), output: z.number().int().min(0),
  cacheRead: z.number().int().min(0), cacheWrite: z.number().int().min(0),
});
export type Tokens = z.infer<typeof TokensSchema>;
export const zeroTokens = (): Tokens => ({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
/** Add `from` into `into` (in place), every token kind. */
export function addTokens(into: Tokens, from: Tokens): void {
  into.input += from.input; into.output += from.output; into.cacheRead += from.cacheRead; into.cacheWrite += from.cacheWrite;
}

export const JudgeVerdictSchema = z.object({
  verdict: z.enum(['approve', 'veto']).nullable().describe('null when the judge failed to give one'),
  reason: z.string(),
  error: z.string().nullable().default(null),
});
export type JudgeVerdict = z.infer<typeof JudgeVerdictSchema>;

export const VerifierSummarySchema = z.object({
  name: z.string(), tool: VerifierToolSchema, passed: z.boolean(), summary: z.string(), durationMs: z.number(),
});

export const ScopeViolationSchema = z.object({ rule: ScopeRuleSchema, file: z.string(), detail: z.string() });

/**
 * The version of a results.jsonl line. 1: lines before the field existed (no formatVersion, no scenarioHash);
 * 2: formatVersion and scenarioHash. The writer stamps every line; readers upgrade older lines with
 * upgradeResultLine and refuse lines of a newer fleetbench, so a resumed directory may mix versions safely. The
 * version belongs to the line, not to the run: a result read back carries none.
 */
export const RESULTS_FORMAT_VERSION = 2;

export const RunResultSchema = z.object({
  /** On the line only: stamped by the writer (runner/store.ts), removed by upgradeResultLine. */
  formatVersion: z.number().int().min(1).optional(),
  // run key
  scenario: z.string(),
  agent: z.string(),
  judge: z.string(),
  epoch: z.number().int().min(1),
  // outcome: what reached a reviewer; `error` when the harness itself failed
  outcome: RunOutcomeSchema,
  reason: z.string().describe('one line: why this outcome'),
  /** The outcome the final diff grades to as a PR, regardless of the gates (null: empty diff or not graded). */
  graded: OutcomeSchema.nullable(),
  /** Whether the pipeline opened a PR (gates passed, or a non-interactive reference agent). */
  submitted: z.boolean(),
  ciPassed: z.boolean().nullable(),
  hiddenPassed: z.boolean().nullable(),
  scopePassed: z.boolean().nullable(),
  scopeViolations: z.array(ScopeViolationSchema),
  ci: z.array(VerifierSummarySchema),
  hiddenSummary: z.string().nullable(),
  judgeVerdicts: z.array(JudgeVerdictSchema),
  vetoes: z.number().int().min(0),
  /** After at least one veto: did the agent end with an approved change? null when never vetoed. */
  courseCorrected: z.boolean().nullable(),
  stopHookBlocks: z.number().int().min(0),
  turns: z.number().int().min(0),
  toolCalls: z.number().int().min(0),
  verifierCalls: z.number().int().min(0),
  tokens: TokensSchema,
  costUsd: z.number().nullable().describe("the agent's model cost; null when a model has no price"),
  /** The LLM judge's own tokens and cost over all its verdicts in this run (0 for the heuristic judge). */
  judgeTokens: TokensSchema.default(zeroTokens),
  judgeCostUsd: z.number().nullable().default(0),
  wallMs: z.number().min(0),
  diffStats: z.object({ files: z.number().int(), added: z.number().int(), removed: z.number().int() }),
  sandbox: z.string(),
  transcript: z.string().nullable().describe('path relative to the results directory'),
  error: z.string().nullable().describe('harness failure, kept apart from agent outcomes'),
  /**
   * Set when the run ended (no_pr) on a failure of the agent's MODEL, not of the harness: context window exceeded,
   * malformed tool calls, a refusal reported as an error, output truncated again and again (src/models/failures.ts).
   * Such a run is an agent outcome: --resume does not re-run it. Optional (absent = null) so results written before
   * it existed still parse and a RunResult built without it still type-checks; readers use modelFailureOf, which
   * falls back to a `model: <kind>` reason.
   */
  modelFailure: modelFailureSchema.nullable().optional(),
  /** Content hash of the scenario directory the run used (runner/provenance.ts's contentHash, the one run.json's
   * inputs.scenarios records); null when unknown (a run outside the matrix runner, or a line before version 2). */
  scenarioHash: z.string().nullable().optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

/** A parsed results.jsonl line brought to the current version, or the reason it cannot be. */
export function upgradeResultLine(json: unknown): { ok: true; line: Record<string, unknown> } | { ok: false; why: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, why: 'not a JSON object' };
  const line = { ...(json as Record<string, unknown>) };
  const v = line.formatVersion ?? 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, why: `formatVersion: not a version (${JSON.stringify(v)})` };
  if (v > RESULTS_FORMAT_VERSION) return { ok: false, why: `formatVersion ${v}: written by a newer fleetbench (this one reads up to ${RESULTS_FORMAT_VERSION}); upgrade fleetbench` };
  // 1 -> 2 adds only the optional scenarioHash (absent: unknown), so a version-1 line needs no change. A later version
  // that renames or reshapes a field converts it here, step by step: `if (v < 3) { ... }`.
  delete line.formatVersion;
  return { ok: true, line };
}

export interface RunKey { scenario: string; agent: string; judge: string; epoch: number }
export const runKeyString = (k: RunKey): string => `${k.scenario}|${k.agent}|${k.judge}|${k.epoch}`;

/** The run's model-caused failure: the field, or (older results, or a pipeline that only wrote the reason) a no_pr
 * reason `model: <kind> (…)` / `agent gave up: model: <kind> (…)`. */
export function modelFailureOf(r: { outcome: string; reason?: string; modelFailure?: ModelFailure | null }): ModelFailure | null {
  if (r.outcome !== 'no_pr') return null;
  return r.modelFailure ?? (r.reason ? modelFailureFromReason(r.reason) : null);
}

/** What a finished run spent on models, agent and LLM judge together (unpriced models count 0). */
export const spentUsd = (r: Pick<RunResult, 'costUsd' | 'judgeCostUsd'>): number => (r.costUsd ?? 0) + (r.judgeCostUsd ?? 0);

/** Final diffs up to this size are kept in the run's transcript (event `final_diff`); a larger one by its size only. */
export const FINAL_DIFF_RECORD_BYTES = 2 * 1024 * 1024;
