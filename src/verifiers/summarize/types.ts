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
  /**
   * Where the project's own test code led to the failure when it surfaced elsewhere (an exception raised in the code
   * under test): the test file's frame, e.g. `tests/test_stock.py:24`. The agent needs both ends.
   */
  via?: string;
  /** The tool's own lines around the error (code frame, source line): shown only while the summary is well under budget. */
  context?: string[];
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

/** A machine-readable report the run wrote (JUnit XML), read back from the workspace after the run. */
export interface ReportFile {
  /** Workspace-relative path. */
  path: string;
  text: string;
}

/** Reads one tool's output. Input is already cleaned (no ANSI codes, no carriage-return overwrites). */
export interface OutputParser {
  tool: VerifierTool;
  parse(output: string, reports?: ReportFile[]): ParsedOutput;
}

export function emptyParse(): ParsedOutput {
  return { findings: [], counts: {} };
}
