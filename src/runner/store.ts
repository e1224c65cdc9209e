// The results store: results.jsonl, one fsync'd line per finished run, read back line by line (streaming).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { RESULTS_FORMAT_VERSION, RunResultSchema, runKeyString, upgradeResultLine, type RunResult } from '../pipeline/result.ts';

export const RESULTS_FILE = 'results.jsonl';

export class ResultsWriter {
  private fd: number;
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'a');
  }
  /** One complete line, stamped with the format version, flushed to disk before returning: a crash never leaves a
   * finished run unrecorded. */
  append(r: RunResult): void {
    fs.writeSync(this.fd, JSON.stringify(stamped(r)) + '\n');
    fs.fsyncSync(this.fd);
  }
  close(): void { fs.closeSync(this.fd); }
}

/** The line as written: the current format version first, whatever the in-memory result says. */
function stamped(r: RunResult): RunResult {
  const { formatVersion: _, ...rest } = r;
  return { formatVersion: RESULTS_FORMAT_VERSION, ...rest };
}

/** Stream results line by line, each upgraded to the current format version; lines that don't parse (a torn last
 * line after a crash, a line of a newer fleetbench) are reported, not fatal. */
export async function* readResults(file: string, onBadLine?: (lineNo: number, why: string) => void): AsyncGenerator<RunResult> {
  if (!fs.existsSync(file)) return;
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    let json: unknown;
    try { json = JSON.parse(line); } catch { onBadLine?.(n, 'not JSON (torn write?)'); continue; }
    const up = upgradeResultLine(json);
    if (!up.ok) { onBadLine?.(n, up.why); continue; }
    const r = RunResultSchema.safeParse(up.line);
    if (!r.success) { onBadLine?.(n, r.error.issues[0].path.join('.') + ': ' + r.error.issues[0].message); continue; }
    yield r.data;
  }
}

/** The latest result per run key (later lines win). */
export async function latestByKey(file: string, onBadLine?: (lineNo: number, why: string) => void): Promise<Map<string, RunResult>> {
  const out = new Map<string, RunResult>();
  for await (const r of readResults(file, onBadLine)) out.set(runKeyString(r), r);
  return out;
}

/**
 * Prepare a results file for --resume: keep every finished run, drop harness errors (they are retried) and torn or
 * invalid lines (each reported through onBadLine with its line number and reason; the run it held is redone, being
 * missing). Written to a temp file and renamed, so the file on disk is always complete.
 */
export async function compactForResume(file: string, onBadLine?: (lineNo: number, why: string) => void): Promise<{ kept: Map<string, RunResult>; dropped: number; badLines: number }> {
  let badLines = 0;
  const latest = await latestByKey(file, (n, why) => { badLines++; onBadLine?.(n, why); });
  const kept = new Map([...latest].filter(([, r]) => r.outcome !== 'error'));
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, [...kept.values()].map((r) => JSON.stringify(stamped(r)) + '\n').join(''));
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  return { kept, dropped: latest.size - kept.size, badLines };
}
