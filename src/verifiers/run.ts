// Running verifiers inside a sandbox and turning their output into what the agent sees.
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { VerifierTool } from '../scenarios/schema.ts';
import type { Verifier, VerifierResult } from './verifier.ts';
import { summarizeOutput, type ReportFile } from './summarize/index.ts';
import { HarnessError, errorMessage } from '../util/errors.ts';

/**
 * Run one verifier. What the command does to itself is a result (exit code, timeout); the sandbox failing to run it
 * at all (exec throws) is the harness's failure: always a HarnessError (SandboxLostError stays itself), never a
 * verifier failure.
 */
export async function runVerifier(sandbox: Sandbox, v: Verifier): Promise<VerifierResult> {
  let r;
  const startedAt = Date.now();
  try {
    r = await sandbox.exec(v.command, { timeoutMs: v.timeoutMs });
  } catch (e) {
    throw e instanceof HarnessError ? e : new HarnessError(`running verifier ${v.name} failed in the sandbox: ${errorMessage(e)}`, { cause: e });
  }
  const passed = r.exitCode === 0 && !r.timedOut;
  const reports = passed || r.timedOut ? [] : await readTestReports(sandbox, v.tool, startedAt);
  const summary = summarizeOutput(v.tool, r.exitCode, relativePaths(r.output, sandbox.workdir), { timedOut: r.timedOut, durationMs: r.durationMs, command: v.command, reports });
  return { name: v.name, tool: v.tool, passed, exitCode: r.exitCode, timedOut: r.timedOut, summary, rawChars: r.output.length, durationMs: r.durationMs };
}

/** Where each tool writes JUnit XML; Maven's console may lack the stack, Gradle's the message and values. */
const REPORT_PATHS: Partial<Record<VerifierTool, string[]>> = {
  maven: ['*/target/surefire-reports/*', '*/target/failsafe-reports/*'],
  gradle: ['*/build/test-results/*'],
};
const MAX_REPORT_FILES = 20;
const MAX_REPORT_BYTES = 512 * 1024;

/**
 * The JUnit XML reports this run wrote (modified since it started, so a stale report of a test class that no longer
 * ran cannot speak for it). The workspace is the agent's: files are listed inside the sandbox (regular files only,
 * no symlinks, size-capped), read through the sandbox (which refuses paths resolving outside the workspace), and
 * checked again for size. Best effort: any failure means no reports, and the console alone is summarized.
 */
export async function readTestReports(sandbox: Sandbox, tool: VerifierTool, startedAtMs: number): Promise<ReportFile[]> {
  const patterns = REPORT_PATHS[tool];
  if (!patterns) return [];
  const since = Math.floor(startedAtMs / 1000) - 1;
  const paths = patterns.map((p) => `-path '${p}'`).join(' -o ');
  const list = `find . -maxdepth 8 -type f -name 'TEST-*.xml' \\( ${paths} \\) -size -${MAX_REPORT_BYTES / 1024 + 1}k -newermt @${since} 2>/dev/null | head -n ${MAX_REPORT_FILES}`;
  try {
    const found = await sandbox.exec(list, { timeoutMs: 15_000 });
    const out: ReportFile[] = [];
    for (const raw of found.stdout.split('\n').slice(0, MAX_REPORT_FILES)) {
      const p = raw.trim().replace(/^\.\//, '');
      if (!p.endsWith('.xml') || p.split('/').includes('..') || p.startsWith('/')) continue;
      try {
        const data = await sandbox.readFile(p);
        if (data.length <= MAX_REPORT_BYTES) out.push({ path: p, text: data.toString('utf8') });
      } catch { /* gone, unreadable or outside the workspace: skip it */ }
    }
    return out;
  } catch {
    return [];
  }
}

/** Workspace-relative paths: shorter for the agent, and the same in every run (record/replay keys depend on it). */
export function relativePaths(output: string, workdir: string | undefined): string {
  return workdir ? output.split(`${workdir.replace(/\/+$/, '')}/`).join('') : output;
}

/**
 * Run verifiers in order. `stopAtFirstFailure` saves time where only pass/fail matters (grading);
 * the agent's `verify` tool runs them all so it sees every problem at once.
 */
export async function runVerifiers(sandbox: Sandbox, verifiers: Verifier[], opts: { stopAtFirstFailure?: boolean } = {}): Promise<VerifierResult[]> {
  const out: VerifierResult[] = [];
  for (const v of verifiers) {
    const r = await runVerifier(sandbox, v);
    out.push(r);
    if (!r.passed && opts.stopAtFirstFailure) break;
  }
  return out;
}

/** The concise text the agent (or a stop hook) gets: one line per passing verifier, the summary of each failing one. */
export function formatVerifierFeedback(results: VerifierResult[]): string {
  if (results.length === 0) return 'No verifiers are active for this workspace.';
  return results.map((r) => (r.passed ? r.summary : `[${r.name}] FAILED\n${r.summary}`)).join('\n\n');
}
