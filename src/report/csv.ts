// results.csv: one row per run (the latest line per run key), flat columns for spreadsheets and pandas. Written by
// csv-stringify's streaming API (the design's choice) with a fixed column list and array records, so no per-cell
// option lookup: measured on 100,000 runs in docs/package.md. csvField/csvLine stay for the small judge-eval CSV.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { RunRow } from './collect.ts';

export const CSV_COLUMNS = [
  'scenario', 'agent', 'judge', 'epoch', 'outcome', 'graded', 'submitted', 'ci_passed', 'hidden_passed', 'scope_passed',
  'scope_violations', 'scope_rules', 'judge_last_verdict', 'vetoes', 'course_corrected', 'stop_hook_blocks', 'turns',
  'tool_calls', 'verifier_calls', 'tokens_input', 'tokens_output', 'tokens_cache_read', 'tokens_cache_write', 'cost_usd',
  'wall_ms', 'diff_files', 'diff_added', 'diff_removed', 'started_at', 'reason', 'error', 'transcript',
  // Added after the first release: at the end, so readers that index columns by position keep working.
  'judge_tokens_input', 'judge_tokens_output', 'judge_cost_usd',
  // The kind of the agent model's own failure that ended the run (no_pr), e.g. context_window_exceeded; empty otherwise.
  'model_failure',
] as const;

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: null/undefined empty, booleans as true/false, quoted (quotes doubled) when it holds , " CR or LF. */
export function csvField(x: CsvValue): string {
  if (x === null || x === undefined) return '';
  const s = typeof x === 'string' ? x : String(x);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV record with its line ending. */
export function csvLine(values: readonly CsvValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + csvField(values[i]);
  return out + '\n';
}

export function csvRecord(r: RunRow): CsvValue[] {
  return [
    r.scenario, r.agent, r.judge, r.epoch, r.outcome, r.graded, r.submitted, r.ciPassed, r.hiddenPassed, r.scopePassed,
    r.scopeViolations, r.scopeRules, r.lastVerdict, r.vetoes, r.courseCorrected, r.stopHookBlocks, r.turns,
    r.toolCalls, r.verifierCalls, r.tokens.input, r.tokens.output, r.tokens.cacheRead, r.tokens.cacheWrite, r.costUsd,
    r.wallMs, r.diffFiles, r.diffAdded, r.diffRemoved, r.startedAt, r.reason, r.error, r.transcript,
    r.judgeTokensInput, r.judgeTokensOutput, r.judgeCostUsd,
    r.modelFailure?.kind ?? null,
  ];
}

/** The writer's options: RFC 4180 like csvLine (booleans true/false, null empty, quoted on , " CR or LF). */
const STRINGIFY_OPTIONS = {
  header: true,
  columns: CSV_COLUMNS as unknown as string[],
  cast: { boolean: (b: boolean) => (b ? 'true' : 'false') },
  quoted_match: /\r/,
} as const;

/** Streamed (with back-pressure) into a temp file, then renamed into place. */
export async function writeResultsCsv(file: string, rows: readonly RunRow[]): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await pipeline(Readable.from((function* () { for (const r of rows) yield csvRecord(r); })()), stringify(STRINGIFY_OPTIONS), fs.createWriteStream(tmp));
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
}
