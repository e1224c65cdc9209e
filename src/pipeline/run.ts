// One run end to end: workspace → sandbox → agent → stop hook → judge → course correction → grading → RunResult.
import fs from 'node:fs';
import { sandboxSpecFor } from './spec.ts';
import path from 'node:path';
import type { LoadedScenario } from '../scenarios/load.ts';
import { LimitsSchema, type Limits } from '../scenarios/schema.ts';
import { materialize } from '../scenarios/workspace.ts';
import { parseDiff, diffStats, touchedPaths } from '../scenarios/diff.ts';
import { scopeRulesOf } from '../scenarios/scope.ts';
import type { Sandbox, SandboxFactory } from '../sandbox/sandbox.ts';
import { detectVerifiers } from '../verifiers/detect.ts';
import { formatVerifierFeedback } from '../verifiers/run.ts';
import { writeWorkspaceVerifiers } from '../verifiers/workspace-config.ts';
import type { VerifierResult } from '../verifiers/verifier.ts';
import { connectInProcess } from '../mcp/server.ts';
import type { Agent, AgentUsage, TurnEnd } from '../agent/agent.ts';
import { Transcript } from '../agent/transcript.ts';
import type { Judge, JudgeDecision } from '../judge/judge.ts';
import { gradeDiff, InterruptedError, MAX_DIFF_BYTES, type OversizedDiff } from './grade.ts';
import { addTokens, FINAL_DIFF_RECORD_BYTES, runKeyString, zeroTokens, type JudgeVerdict, type RunKey, type RunResult } from './result.ts';
import { errorMessage, HarnessError } from '../util/errors.ts';
import { modelFailureReason, type ModelFailure } from '../models/failures.ts';
import { stopHookSendsBack } from './stop-hook.ts';

export interface RunOptions {
  key: RunKey;
  scenario: LoadedScenario;
  agent: Agent;
  judge: Judge | null;
  factory: SandboxFactory;
  /** Scratch directory for this run's workspaces (removed afterwards unless keepWorkspaces). */
  workDir: string;
  /** Transcript file (absolute) and its path relative to the results directory. */
  transcriptFile: string | null;
  transcriptRel: string | null;
  limits?: Partial<Limits>;
  keepWorkspaces?: boolean;
  labels?: Record<string, string>;
  signal?: AbortSignal;
  /** The scenario's content hash (the matrix runner passes the one it records in run.json), kept in the result. */
  scenarioHash?: string;
}

/** Where finalDiff leaves the diff inside the sandbox: under .git, so it is never part of a diff itself. */
export const FINAL_DIFF_FILE = '.git/fleetbench-final.diff';

/**
 * The final change: everything in the workspace against the base commit, new, deleted and binary files included.
 * Written to a file in the sandbox and read back (the exec output cap is 1 MiB; a generated file can be bigger), and
 * not read at all past the grading cap: then only its size comes back, and grading makes it `ci_fail`.
 */
export async function finalDiff(sandbox: Sandbox, baseCommit: string): Promise<string | OversizedDiff> {
  const f = FINAL_DIFF_FILE;
  const r = await sandbox.exec(`rm -f ${f} && git add -A && git -c core.quotepath=off diff --cached --binary --no-color --no-ext-diff ${baseCommit} > ${f} && wc -c < ${f}`, { timeoutMs: 300_000 });
  if (r.exitCode !== 0) throw new HarnessError(`git diff in the workspace failed: ${r.output.trim().slice(0, 300)}`);
  const bytes = Number(r.stdout.trim().split('\n').pop());
  if (!Number.isFinite(bytes)) throw new HarnessError(`git diff in the workspace: no size reported (${r.output.trim().slice(0, 200)})`);
  if (bytes > MAX_DIFF_BYTES) return { oversizedBytes: bytes };
  const diff = (await sandbox.readFile(f)).toString('utf8');
  return diff;
}

function isEmptyDiff(d: string | OversizedDiff): boolean {
  return typeof d === 'string' && !d.trim();
}

/**
 * One run. Never throws: a harness failure (any HarnessError, wherever a sandbox raised it: the agent's verify tool,
 * the stop hook, grading) is an `error` result. An abort through `signal` disposes the run's sandboxes, returns within
 * a few seconds as `error` with reason "interrupted", and removes its workspaces.
 */
export async function runOne(o: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const base = { ...o.key, sandbox: o.factory.kind, transcript: o.transcriptRel, startedAt: startedAt.toISOString(), scenarioHash: o.scenarioHash ?? null };
  const interruptedResult = () => errorResult(base, startedAt, INTERRUPTED);
  const signal = o.signal;
  if (!signal) return runPipeline(o, startedAt);
  if (signal.aborted) { if (!o.keepWorkspaces) fs.rmSync(o.workDir, { recursive: true, force: true }); return interruptedResult(); }
  const work = runPipeline(o, startedAt);
  let onAbort!: () => void;
  const aborted = new Promise<null>((resolve) => { onAbort = () => resolve(null); signal.addEventListener('abort', onAbort, { once: true }); });
  try {
    const first = await Promise.race([work, aborted]);
    if (first !== null && !signal.aborted) return first;
    // Its sandboxes are being disposed: give the pipeline a moment to unwind and clean up, no more.
    await Promise.race([work, new Promise((r) => setTimeout(r, ABORT_GRACE_MS).unref())]);
    if (!o.keepWorkspaces) fs.rmSync(o.workDir, { recursive: true, force: true });
    return interruptedResult();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export const INTERRUPTED = 'interrupted';
/** How long an aborted run waits for its pipeline to unwind before it returns anyway. */
const ABORT_GRACE_MS = 3000;

async function runPipeline(o: RunOptions, startedAt: Date): Promise<RunResult> {
  const limits = LimitsSchema.parse({ ...o.scenario.limits, ...o.limits });
  const transcript = new Transcript(o.transcriptFile);
  const base = {
    ...o.key, sandbox: o.factory.kind, transcript: o.transcriptRel, startedAt: startedAt.toISOString(), scenarioHash: o.scenarioHash ?? null,
  };
  let sandbox: Sandbox | undefined;
  // A HarnessError a verify call ran into: seen even if the agent's tool loop swallows it into a tool result.
  let harnessFailure: HarnessError | undefined;
  const checkHarness = () => { if (harnessFailure) throw harnessFailure; if (o.signal?.aborted) throw new InterruptedError(); };
  const onAbort = () => { sandbox?.dispose().catch(() => {}); };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  let verifierCalls = 0, stopHookBlocks = 0, vetoes = 0;
  const judgeVerdicts: JudgeVerdict[] = [];
  let usage: AgentUsage = { turns: 0, toolCalls: 0, tokens: zeroTokens(), costUsd: 0 };
  const judgeUsage = { tokens: zeroTokens(), costUsd: 0 as number | null };
  try {
    const ws = await materialize(o.scenario, path.join(o.workDir, 'agent'));
    // Written before the sandbox exists: a docker sandbox copies the workspace at creation.
    const verifiers = detectVerifiers(ws.dir, o.scenario.verify);
    writeWorkspaceVerifiers(ws.dir, verifiers);
    sandbox = await o.factory.create(sandboxSpecFor(ws, o.factory, { ...o.labels, 'fleetbench.role': 'agent' }, o.agent.sandboxPaths));
    transcript.add({ type: 'start', ...o.key, isolation: sandbox.isolation, baseCommit: ws.baseCommit, prompt: o.scenario.prompt });
    let lastVerify: VerifierResult[] = [];
    const verifier = await connectInProcess({ sandbox, verifiers, onVerify: (rs) => { verifierCalls++; lastVerify = rs; }, onHarnessError: (e) => { harnessFailure ??= e; } });
    const session = o.agent.session({ scenario: o.scenario, sandbox, workspaceDir: ws.dir, verifier, transcript, limits, runScope: `${o.key.judge}|${o.key.epoch}`, signal: o.signal });
    let submitted = false;
    let noPrReason = '';
    // The diff the gates saw, while the agent has not been sent back since: it is the PR (files the verifiers
    // write after it, e.g. caches, are not the agent's change), and it saves a second `git diff`.
    let gatedDiff: string | OversizedDiff | null = null;
    try {
      let end: TurnEnd = await session.start();
      for (;;) {
        checkHarness();
        if (end.kind !== 'done') { noPrReason = noPrReasonOf(end, session.usage().modelFailure ?? null); break; }
        const d = gatedDiff = await finalDiff(sandbox, ws.baseCommit);
        if (isEmptyDiff(d)) { noPrReason = 'the agent ended without a change'; break; }
        // Over the grading cap: submitted as it is (graded ci_fail without building); no verifier or judge reads it.
        if (typeof d !== 'string') { submitted = true; break; }
        const diff = d;
        // STOP HOOK: every active verifier, through the same MCP server the agent uses.
        const before = verifierCalls;
        const hook = await verifier.verify();
        verifierCalls = before; // the hook's own call is not the agent's
        transcript.add({ type: 'stop_hook', passed: !hook.isError, feedback: hook.text });
        if (hook.isError) {
          const sendsBack = stopHookSendsBack(stopHookBlocks, limits.stopHookRetries);
          stopHookBlocks++;
          if (!o.agent.interactive) { submitted = true; break; }
          if (!sendsBack) { noPrReason = `verifiers still failing after ${limits.stopHookRetries} stop-hook retries: ${firstLine(formatVerifierFeedback(lastVerify.filter((r) => !r.passed)))}`; break; }
          gatedDiff = null;
          end = await session.continue(`The stop hook blocked finishing: the verifiers fail.\n\n${hook.text}\n\nFix these problems, then finish.`);
          continue;
        }
        // JUDGE: scope check on the task prompt and the diff; a veto goes back to the agent.
        if (!o.judge) { submitted = true; break; }
        const decision = await o.judge.judge({ prompt: o.scenario.prompt, diff, files: touchedPaths(parseDiff(diff)), scope: scopeRulesOf(o.scenario) }, { signal: o.signal, scope: runKeyString(o.key) });
        judgeVerdicts.push({ verdict: decision.verdict, reason: decision.reason, error: decision.error });
        addJudgeUsage(judgeUsage, decision);
        transcript.add({ type: 'judge', judge: o.judge.spec, verdict: decision.verdict, reason: decision.reason, error: decision.error });
        if (decision.verdict === 'approve' || decision.verdict === null && !o.agent.interactive) { submitted = true; break; }
        if (decision.verdict === null) { noPrReason = `judge error: ${decision.error}`; break; }
        vetoes++;
        if (!o.agent.interactive) { submitted = true; break; }
        if (vetoes > limits.courseCorrections) { noPrReason = `judge veto not resolved after ${limits.courseCorrections} course corrections: ${firstLine(decision.reason)}`; break; }
        gatedDiff = null;
        end = await session.continue(`A reviewer vetoed your change:\n\n${decision.reason}\n\nRevise the change so it does only what the task asks, then finish.`);
      }
      checkHarness();
      usage = session.usage();
      stopHookBlocks += usage.stopHookBlocks ?? 0;
      verifierCalls += usage.verifierCalls ?? 0;
    } finally {
      await session.dispose();
      await verifier.close();
    }
    checkHarness();
    const diff = gatedDiff ?? await finalDiff(sandbox, ws.baseCommit);
    await sandbox.dispose();
    sandbox = undefined;
    if (!o.keepWorkspaces) fs.rmSync(ws.dir, { recursive: true, force: true });
    const grade = await gradeDiff(o.scenario, diff, { factory: o.factory, workDir: path.join(o.workDir, 'grade'), keep: o.keepWorkspaces, labels: o.labels, signal: o.signal });
    checkHarness();
    const diffText = typeof diff === 'string' ? diff : '';
    const hasDiff = !isEmptyDiff(diff);
    // The PR itself, for whoever asks why a run ended as it did (fleetbench view); capped like the grading input.
    if (hasDiff) {
      const bytes = typeof diff === 'string' ? Buffer.byteLength(diff) : diff.oversizedBytes;
      transcript.add({ type: 'final_diff', bytes, diff: bytes <= FINAL_DIFF_RECORD_BYTES ? diffText : null });
    }
    transcript.add({ type: 'grade', outcome: grade.outcome, reason: grade.reason, ciPassed: grade.ciPassed, hiddenPassed: grade.hiddenPassed, scopeViolations: grade.scopeViolations, hidden: grade.hiddenSummary, restoredTestInfra: grade.restoredTestInfra });
    const lastVerdict = judgeVerdicts.at(-1)?.verdict;
    const outcome = submitted ? grade.outcome : 'no_pr';
    const result: RunResult = {
      ...base,
      outcome,
      reason: submitted ? grade.reason : noPrReason,
      graded: hasDiff ? grade.outcome : null,
      submitted,
      ciPassed: grade.ciPassed, hiddenPassed: grade.hiddenPassed,
      scopePassed: hasDiff ? grade.scopeViolations.length === 0 : null,
      scopeViolations: grade.scopeViolations,
      ci: grade.ci.map((r) => ({ name: r.name, tool: r.tool, passed: r.passed, summary: r.summary, durationMs: Math.round(r.durationMs) })),
      hiddenSummary: grade.hiddenSummary,
      judgeVerdicts, vetoes,
      courseCorrected: vetoes > 0 ? lastVerdict === 'approve' : null,
      stopHookBlocks, verifierCalls,
      turns: usage.turns, toolCalls: usage.toolCalls, tokens: usage.tokens, costUsd: usage.costUsd,
      modelFailure: submitted ? null : usage.modelFailure ?? null,
      judgeTokens: judgeUsage.tokens, judgeCostUsd: judgeUsage.costUsd,
      wallMs: Date.now() - startedAt.getTime(),
      diffStats: diffStats(parseDiff(diffText)),
      error: null,
      finishedAt: new Date().toISOString(),
    };
    transcript.add({ type: 'result', outcome: result.outcome, reason: result.reason });
    return result;
  } catch (e) {
    const msg = o.signal?.aborted ? INTERRUPTED : errorMessage(e);
    transcript.add({ type: 'error', error: msg });
    return errorResult(base, startedAt, msg, { stopHookBlocks, vetoes, verifierCalls, judgeVerdicts, usage, judgeUsage });
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    transcript.close();
    await sandbox?.dispose().catch(() => {});
    if (!o.keepWorkspaces) fs.rmSync(o.workDir, { recursive: true, force: true });
  }
}

/** Judge tokens add up; the cost becomes unknown (null) once any verdict had no price. */
function addJudgeUsage(acc: { tokens: RunResult['tokens']; costUsd: number | null }, d: JudgeDecision): void {
  if (d.tokens) addTokens(acc.tokens, d.tokens);
  acc.costUsd = acc.costUsd === null || d.costUsd === null ? null : acc.costUsd + (d.costUsd ?? 0);
}

/** Why an agent's session ended without a PR. A model-caused failure (the agent's usage says which) keeps its own
 * `model: <kind> (…)` reason. */
function noPrReasonOf(end: Exclude<TurnEnd, { kind: 'done' }>, modelFailure: ModelFailure | null): string {
  if (end.kind === 'limit') return `limit reached: ${end.limit}`;
  return modelFailure ? modelFailureReason(modelFailure) : `agent gave up: ${end.reason}`;
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';
}

type Base = Pick<RunResult, 'scenario' | 'agent' | 'judge' | 'epoch' | 'sandbox' | 'transcript' | 'startedAt' | 'scenarioHash'>;

/** A harness failure: recorded as `error`, kept apart from agent outcomes, retried on --resume. */
export function errorResult(base: Base, startedAt: Date, error: string, partial: Partial<Pick<RunResult, 'stopHookBlocks' | 'vetoes' | 'verifierCalls' | 'judgeVerdicts'>> & { usage?: { turns: number; toolCalls: number; tokens: RunResult['tokens']; costUsd: number | null }; judgeUsage?: { tokens: RunResult['tokens']; costUsd: number | null } } = {}): RunResult {
  return {
    ...base, outcome: 'error', reason: error === INTERRUPTED ? INTERRUPTED : `harness error: ${error.split('\n')[0].slice(0, 300)}`, graded: null, submitted: false,
    ciPassed: null, hiddenPassed: null, scopePassed: null, scopeViolations: [], ci: [], hiddenSummary: null,
    judgeVerdicts: partial.judgeVerdicts ?? [], vetoes: partial.vetoes ?? 0, courseCorrected: null,
    stopHookBlocks: partial.stopHookBlocks ?? 0, turns: partial.usage?.turns ?? 0, toolCalls: partial.usage?.toolCalls ?? 0,
    verifierCalls: partial.verifierCalls ?? 0, tokens: partial.usage?.tokens ?? zeroTokens(), costUsd: partial.usage?.costUsd ?? null, modelFailure: null,
    judgeTokens: partial.judgeUsage?.tokens ?? zeroTokens(), judgeCostUsd: partial.judgeUsage?.costUsd ?? 0,
    wallMs: Date.now() - startedAt.getTime(), diffStats: { files: 0, added: 0, removed: 0 }, error, finishedAt: new Date().toISOString(),
  };
}
