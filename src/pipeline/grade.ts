// Grading, never visible to the agent: a fresh workspace at the base, the final diff applied, the verifiers re-run
// (ci), the hidden checks added (correctness), the scope rules applied (scope) → exactly one outcome.
import fs from 'node:fs';
import { sandboxSpecFor } from './spec.ts';
import path from 'node:path';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Outcome } from '../scenarios/schema.ts';
import { applyDiff, listFiles, materialize } from '../scenarios/workspace.ts';
import { checkScope, scopeRulesOf, type ScopeViolation } from '../scenarios/scope.ts';
import { parseDiff } from '../scenarios/diff.ts';
import type { SandboxFactory } from '../sandbox/sandbox.ts';
import { detectVerifiers } from '../verifiers/detect.ts';
import { relativePaths, runVerifiers } from '../verifiers/run.ts';
import { summarizeOutput } from '../verifiers/summarize/index.ts';
import type { VerifierResult } from '../verifiers/verifier.ts';
import { classifyOutcome } from '../scoring/classify.ts';

export interface Grade {
  outcome: Outcome;
  reason: string;
  ciPassed: boolean | null;
  hiddenPassed: boolean | null;
  scopeViolations: ScopeViolation[];
  ci: VerifierResult[];
  hiddenSummary: string | null;
  durationMs: number;
}

export interface GradeOptions {
  factory: SandboxFactory;
  /** Where the grading workspace goes; removed afterwards unless keep is set. */
  workDir: string;
  keep?: boolean;
  labels?: Record<string, string>;
}

/** Grade a diff against a scenario. An empty diff is `no_pr` without building anything. */
export async function gradeDiff(scenario: LoadedScenario, diff: string, opts: GradeOptions): Promise<Grade> {
  const started = performance.now();
  const files = parseDiff(diff);
  const scopeViolations = checkScope(files, scopeRulesOf(scenario));
  if (!diff.trim() || files.length === 0) {
    return { outcome: 'no_pr', reason: 'no change produced', ciPassed: null, hiddenPassed: null, scopeViolations: [], ci: [], hiddenSummary: null, durationMs: 0 };
  }
  const ws = await materialize(scenario, opts.workDir);
  // The diff goes in before the sandbox is made: a docker sandbox copies the workspace at creation.
  await applyDiff(ws.dir, diff, 'the final diff');
  const sandbox = await opts.factory.create(sandboxSpecFor(ws, opts.factory, { ...opts.labels, 'fleetbench.role': 'grade' }));
  try {
    const ci = await runVerifiers(sandbox, detectVerifiers(ws.dir, scenario.verify), { stopAtFirstFailure: true });
    const ciPassed = ci.every((r) => r.passed);
    let hiddenPassed: boolean | null = null;
    let hiddenSummary: string | null = null;
    if (ciPassed) {
      for (const f of listFiles(scenario.hiddenDir)) await sandbox.writeFile(f, fs.readFileSync(path.join(scenario.hiddenDir, f)));
      const h = await sandbox.exec(scenario.hidden.command, { timeoutMs: scenario.hidden.timeoutSeconds * 1000 });
      hiddenPassed = h.exitCode === 0 && !h.timedOut;
      hiddenSummary = summarizeOutput(scenario.hidden.tool, h.exitCode, relativePaths(h.output, sandbox.workdir), { timedOut: h.timedOut, durationMs: h.durationMs, command: scenario.hidden.command });
    }
    const outcome = classifyOutcome({ hasDiff: true, ciPassed, hiddenPassed, scopeViolations: scopeViolations.length });
    return { outcome, reason: reasonOf(outcome, ci, hiddenSummary, scopeViolations), ciPassed, hiddenPassed, scopeViolations, ci, hiddenSummary, durationMs: performance.now() - started };
  } finally {
    await sandbox.dispose();
    if (!opts.keep) fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

function firstLine(s: string | null | undefined): string {
  return (s ?? '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';
}

function reasonOf(outcome: Outcome, ci: VerifierResult[], hidden: string | null, scope: ScopeViolation[]): string {
  switch (outcome) {
    case 'ci_fail': { const f = ci.find((r) => !r.passed)!; return `${f.name} failed: ${firstLine(f.summary)}`; }
    case 'incorrect': return `hidden checks failed: ${firstLine(hidden)}`;
    case 'out_of_scope': return `${scope[0].rule}: ${scope[0].detail}${scope.length > 1 ? ` (+${scope.length - 1} more)` : ''}`;
    case 'success': return 'CI, hidden checks and scope all pass';
    default: return 'no change produced';
  }
}
