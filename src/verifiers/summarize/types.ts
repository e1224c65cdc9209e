// What a tool-specific parser extracts from a verifier's output; index.ts turns it into the agent-facing text.
import type { VerifierTool } from '../../scenarios/schema.ts';

/** One thing the agent has to fix: a compiler error, a lint error, a failing test. */
export interface Finding {
  file?: string;
  line?: number;
  column?: number;
  /** The failing test (name or id), when the finding is a test failure. */
  test?: string;
  /** The error message; may hold a few lines (chained compiler messages, assertion diffs). */
  message: string;
  expected?: string;
  actual?: string;
  /** Warnings sort after errors; parsers leave it unset for errors. */
  severity?: 'error' | 'warning';
}

/** Totals the tool printed, for the one-line pass summary and the failure headline. */
export interface OutputCounts {
  tests?: number;
  passed?: number;
  failed?: number;
  skipped?: number;
  errors?: number;
  warnings?: number;
}

export interface ParsedOutput {
  findings: Finding[];
  counts: OutputCounts;
  /** Duration the tool reported itself; `opts.durationMs` wins over it. */
  durationMs?: number;
  /** Project root the tool printed (absolute); paths under it are shown relative to it. */
  root?: string;
}

/** Reads one tool's output. Input is already cleaned (no ANSI codes, no carriage-return overwrites). */
export interface OutputParser {
  tool: VerifierTool;
  parse(output: string): ParsedOutput;
}

export function emptyParse(): ParsedOutput {
  return { findings: [], counts: {} };
}
