// The Judge interface: a scope check on {task prompt, diff}; a veto sends the agent back.
import type { Tokens } from '../pipeline/result.ts';
import type { ScopeRules } from '../scenarios/scope.ts';

export interface JudgeInput {
  /** The task prompt the agent was given. */
  prompt: string;
  /** The change as `git diff` output. */
  diff: string;
  /** Files the diff touches. */
  files: string[];
  /** The scenario's scope rules, when the judge is allowed to use them (the heuristic judge is). */
  scope?: ScopeRules;
}

export interface JudgeDecision {
  verdict: 'approve' | 'veto' | null;
  reason: string;
  /** Set when the judge failed to produce a verdict (recorded as a judge error, never as approve). */
  error: string | null;
  tokens?: Tokens;
  costUsd?: number | null;
  latencyMs?: number;
}

export interface Judge {
  /** The spec string: `heuristic`, `none`, `<judge-prompt>@<model>`. */
  readonly spec: string;
  /** `scope` identifies the run or dataset item, so recorded judgments replay exactly. */
  judge(input: JudgeInput, opts?: { signal?: AbortSignal; scope?: string }): Promise<JudgeDecision>;
}
