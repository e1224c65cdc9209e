// results.csv: one row per run (the latest line per run key), flat columns for spreadsheets and pandas.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { RunRow } from './collect.ts';

export const CSV_COLUMNS = [
  'scenario', 'agent', 'judge', 'epoch', 'outcome', 'graded', 'submitted', 'ci_passed', 'hidden_passed', 'scope_passed',
  'scope_violations', 'scope_rules', 'judge_last_verdict', 'vetoes', 'course_corrected', 'stop_hook_blocks', 'turns',
  'tool_calls', 'verifier_calls', 'tokens_input', 'tokens_output', 'tokens_cache_read', 'tokens_cache_write', 'cost_usd',
  'wall_ms', 'diff_files', 'diff_added', 'diff_removed', 'started_at', 'reason', 'error', 'transcript',
] as const;

const cell = (x: boolean | number | string | null): string | number => (x === null ? '' : typeof x === 'boolean' ? String(x) : x);

export function csvRecord(r: RunRow): (string | number)[] {
  return [
    r.scenario, r.agent, r.judge, r.epoch, r.outcome, r.graded, r.submitted, r.ciPassed, r.hiddenPassed, r.scopePassed,
    r.scopeViolations, r.scopeRules, r.lastVerdict, r.vetoes, r.courseCorrected, r.stopHookBlocks, r.turns,
    r.toolCalls, r.verifierCalls, r.tokens.input, r.tokens.output, r.tokens.cacheRead, r.tokens.cacheWrite, r.costUsd,
    r.wallMs, r.diffFiles, r.diffAdded, r.diffRemoved, r.startedAt, r.reason, r.error, r.transcript,
  ].map(cell);
}

/** Streamed through csv-stringify into a temp file, then renamed into place. */
export async function writeResultsCsv(file: string, rows: readonly RunRow[]): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  function* records() { for (const r of rows) yield csvRecord(r); }
  await pipeline(Readable.from(records()), stringify({ header: true, columns: [...CSV_COLUMNS] }), fs.createWriteStream(tmp));
  fs.renameSync(tmp, file);
}
