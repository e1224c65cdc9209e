// Running verifiers inside a sandbox and turning their output into what the agent sees.
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { Verifier, VerifierResult } from './verifier.ts';
import { summarizeOutput } from './summarize/index.ts';
import { HarnessError, errorMessage } from '../util/errors.ts';

/**
 * Run one verifier. What the command does to itself is a result (exit code, timeout); the sandbox failing to run it
 * at all (exec throws) is the harness's failure: always a HarnessError (SandboxLostError stays itself), never a
 * verifier failure.
 */
export async function runVerifier(sandbox: Sandbox, v: Verifier): Promise<VerifierResult> {
  let r;
  try {
    r = await sandbox.exec(v.command, { timeoutMs: v.timeoutMs });
  } catch (e) {
    throw e instanceof HarnessError ? e : new HarnessError(`running verifier ${v.name} failed in the sandbox: ${errorMessage(e)}`, { cause: e });
  }
  const passed = r.exitCode === 0 && !r.timedOut;
  const summary = summarizeOutput(v.tool, r.exitCode, relativePaths(r.output, sandbox.workdir), { timedOut: r.timedOut, durationMs: r.durationMs, command: v.command });
  return { name: v.name, tool: v.tool, passed, exitCode: r.exitCode, timedOut: r.timedOut, summary, rawChars: r.output.length, durationMs: r.durationMs };
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
