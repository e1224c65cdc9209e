// The Verifier interface: what activates a build/test check, how it runs, and what the agent sees of it.
import type { VerifierTool } from '../scenarios/schema.ts';

/** One active verifier for a workspace: a command plus the summarizer that reads its output. */
export interface Verifier {
  /** Stable name, unique per workspace (e.g. `tsc`, `tests`, `maven`). */
  name: string;
  tool: VerifierTool;
  command: string;
  timeoutMs: number;
  /** Why it is active (the marker file that activated it), for `verifiers list`. */
  reason: string;
}

export interface VerifierResult {
  name: string;
  tool: VerifierTool;
  passed: boolean;
  exitCode: number;
  timedOut: boolean;
  /** What the agent sees: one short line when passing, at most 1,500 characters when failing. */
  summary: string;
  /** Characters of raw output the summary was made from (for the feedback-compression figure). */
  rawChars: number;
  durationMs: number;
}

export const MAX_SUMMARY_CHARS = 1500;
