// The matrix runner: scenarios × agents × judges × epochs, bounded concurrency, crash-safe results, resume, shards.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pLimit from 'p-limit';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { SandboxFactory } from '../sandbox/sandbox.ts';
import { createAgent, type AgentDeps } from '../agent/registry.ts';
import { createJudge } from '../judge/registry.ts';
import type { Agent } from '../agent/agent.ts';
import type { Judge } from '../judge/judge.ts';
import { runOne, errorResult } from '../pipeline/run.ts';
import { runKeyString, spentUsd, type RunResult } from '../pipeline/result.ts';
import { expandMatrix } from '../config/load.ts';
import { ResultsWriter, RESULTS_FILE, compactForResume } from './store.ts';
import { Progress } from './progress.ts';
import { lockResultsDir } from './lock.ts';
import { makeWorkRoot, keepWorkRoot, sweepStaleWorkRoots } from './workdirs.ts';
import { inShard, type Shard } from './shard.ts';
import { UsageError, errorMessage } from '../util/errors.ts';
import { DEFAULT_PROMPTS_DIR } from '../agent/prompts.ts';
import { DEFAULT_JUDGES_DIR } from '../judge/llm.ts';
import { matrixHash, readManifest, writeManifest, checkResume, type Manifest } from './manifest.ts';
import { collectInputs } from './provenance.ts';

// run.json lives in manifest.ts; re-exported because the CLI, merge and tests import it from here.
export { MANIFEST_FILE, ManifestSchema, matrixHash, readManifest, type Manifest } from './manifest.ts';

export interface RunMatrixOptions {
  outDir: string;
  resume: boolean;
  scenarios: LoadedScenario[];
  agents: string[];
  judges: string[];
  epochs: number;
  concurrency: number;
  factory: SandboxFactory;
  /** The sandbox's options, recorded in run.json for --resume. */
  sandboxOptions?: Record<string, unknown>;
  scenariosDir?: string;
  limits?: Manifest['limits'];
  shard?: Shard;
  maxCostUsd?: number;
  keepWorkspaces?: boolean;
  agentDeps?: AgentDeps;
  /** Where LLM judges' prompts live (default: the bundled judges/). */
  judgesDir?: string;
  /** --resume over changed inputs (prompts, scenarios, judge prompts, version): continue anyway and record it in run.json. */
  allowChangedInputs?: boolean;
  /**
   * Interruption (the CLI aborts it on SIGINT/SIGTERM): no new run starts, runs in flight are aborted, their
   * sandboxes disposed, and whatever they return is not recorded (they are redone by --resume).
   */
  signal?: AbortSignal;
  /** How long to wait, after an interruption, for runs in flight to wind down before giving up on them. */
  abortGraceMs?: number;
  log?: (line: string) => void;
  progress?: (line: string) => void;
}

export interface RunMatrixSummary {
  outDir: string; results: RunResult[]; ran: number; skipped: number; budgetStopped: boolean;
  /** Stopped by the signal: `unfinished` runs of this invocation were not recorded. */
  interrupted: boolean;
  unfinished: number;
}

export const DEFAULT_ABORT_GRACE_MS = 10_000;

function safeName(key: string): string {
  return key.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 150) + '-' + crypto.createHash('sha1').update(key).digest('hex').slice(0, 8);
}

/** Resolves ms after the signal aborts (at once if it already has), never if it does not; cancel() drops the timer. */
function afterAbort(signal: AbortSignal, ms: number): { done: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined, cancelled = false;
  const go = (resolve: () => void) => { if (!cancelled) timer = setTimeout(resolve, ms); };
  const done = new Promise<void>((resolve) => {
    if (signal.aborted) go(resolve); else signal.addEventListener('abort', () => go(resolve), { once: true });
  });
  return { done, cancel: () => { cancelled = true; clearTimeout(timer); } };
}

/** Kill every live sandbox of the factory (SandboxFactory.disposeAll, where the factory has it). */
function disposeAll(factory: SandboxFactory): Promise<void> {
  return factory.disposeAll ? factory.disposeAll().catch(() => {}) : Promise.resolve();
}

/** Wait for p, at most ms. */
async function within(p: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!p) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.catch(() => {}), new Promise((r) => { timer = setTimeout(r, ms); })]);
  clearTimeout(timer);
}

export async function runMatrix(o: RunMatrixOptions): Promise<RunMatrixSummary> {
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const scenarioIds = o.scenarios.map((s) => s.id);
  const manifest: Manifest = {
    version: 1, matrixHash: '', scenarios: scenarioIds, scenariosDir: o.scenariosDir ?? null, promptsDir: o.agentDeps?.promptsDir ?? null, judgesDir: o.judgesDir ?? null, agents: o.agents, judges: o.judges, epochs: o.epochs,
    sandbox: o.factory.kind, sandboxOptions: o.sandboxOptions ?? null, limits: o.limits ?? {}, shard: o.shard ?? null, createdAt: new Date().toISOString(),
    inputs: null, inputChanges: [],
  };
  const promptsDir = o.agentDeps?.promptsDir ?? DEFAULT_PROMPTS_DIR, judgesDir = o.judgesDir ?? DEFAULT_JUDGES_DIR;
  manifest.inputs = collectInputs({ scenarios: o.scenarios, agents: o.agents, judges: o.judges, promptsDir, judgesDir, commands: o.agentDeps?.commands });
  manifest.matrixHash = matrixHash(manifest);
  // --resume over changed inputs is refused before anything starts (no preflight, no lock): the fix is the user's.
  const resumeCheck = { dir: o.outDir, allowChanged: o.allowChangedInputs, log, where: { scenarioDirs: Object.fromEntries(o.scenarios.map((s) => [s.id, s.dir])), promptsDir, judgesDir } };
  if (o.resume) checkResume(readManifest(o.outDir), manifest, resumeCheck);
  // Fail fast: every agent and judge is checked before any run starts, and before anything is written.
  const agents = new Map<string, Agent>(o.agents.map((a) => [a, createAgent(a, o.agentDeps)]));
  for (const a of agents.values()) {
    if (a.localSandboxOnly && o.factory.kind !== 'local') throw new UsageError(`agent ${a.spec} cannot run in the ${o.factory.kind} sandbox: ${a.localSandboxOnly} (fix: --sandbox local)`);
    await a.check(o.scenarios);
  }
  const judges = new Map<string, Judge | null>(o.judges.map((j) => [j, createJudge(j, { modelOptions: o.agentDeps?.modelOptions, judgesDir })]));
  // Leftovers of fleetbench processes that are gone: work roots here, labelled containers in the docker preflight.
  const sweep = sweepStaleWorkRoots();
  if (sweep.removed.length) log(`removed ${sweep.removed.length} work dir(s) left by fleetbench processes that are gone: ${sweep.removed.join(', ')}`);
  await o.factory.preflight();
  const summary = (extra: Partial<RunMatrixSummary> = {}): RunMatrixSummary =>
    ({ outDir: o.outDir, results: [], ran: 0, skipped: 0, budgetStopped: false, interrupted: false, unfinished: 0, ...extra });
  if (o.signal?.aborted) return summary({ interrupted: true });

  // One writer per results directory, from here until the last result is written.
  const lock = await lockResultsDir(o.outDir, log);
  let workRoot: string | undefined;
  const onExit = () => { // process.exit (a second Ctrl-C) skips the finally below
    if (workRoot && !o.keepWorkspaces) try { fs.rmSync(workRoot, { recursive: true, force: true }); } catch { /* best effort; the next run sweeps it */ }
    lock.release();
  };
  process.on('exit', onExit);
  try {
    const resultsFile = path.join(o.outDir, RESULTS_FILE);
    let done = new Map<string, RunResult>();
    if (o.resume) {
      // Checked again under the lock: another writer may have resumed (and recorded changes) meanwhile.
      const prev = readManifest(o.outDir);
      const kept = checkResume(prev, manifest, { ...resumeCheck, log: () => {} });
      if (kept !== prev) writeManifest(o.outDir, kept);
      const c = await compactForResume(resultsFile, (n, why) => log(`warning: ${resultsFile} line ${n} is not a valid result (${why}): dropped; its run is redone`));
      done = c.kept;
      log(`resuming ${o.outDir}: ${done.size} finished run(s) kept, ${c.dropped} harness error(s) to retry${c.badLines ? `, ${c.badLines} invalid line(s) dropped` : ''}`);
    } else {
      if (fs.existsSync(resultsFile) && fs.statSync(resultsFile).size > 0) throw new UsageError(`${o.outDir} already holds results; use --resume ${o.outDir} to continue it, or choose a new --out`);
      writeManifest(o.outDir, manifest);
    }

    const byId = new Map(o.scenarios.map((s) => [s.id, s]));
    const matrix = expandMatrix(scenarioIds, o.agents, o.judges, o.epochs).filter((k) => inShard(runKeyString(k), o.shard));
    const todo = matrix.filter((k) => !done.has(runKeyString(k)));
    log(`${todo.length} run(s) to do${matrix.length !== todo.length ? ` (${matrix.length - todo.length} already finished)` : ''}, concurrency ${o.concurrency}, sandbox ${o.factory.kind} → ${o.outDir}`);

    // One controller for every run of this invocation: the caller's signal aborts it.
    const ac = new AbortController();
    const forward = () => ac.abort(o.signal?.reason);
    if (o.signal?.aborted) forward(); else o.signal?.addEventListener('abort', forward, { once: true });
    const limit = pLimit(o.concurrency);
    let disposing: Promise<void> | undefined;
    ac.signal.addEventListener('abort', () => {
      log(`interrupted: no new runs start; stopping ${limit.activeCount} run(s) in flight (they are not recorded and are redone by --resume)`);
      disposing = disposeAll(o.factory);
    }, { once: true });

    const writer = new ResultsWriter(resultsFile);
    const progress = new Progress(todo.length, o.progress);
    workRoot = makeWorkRoot();
    let spent = 0, budgetStopped = false, ran = 0;
    const results: RunResult[] = [...done.values()];
    try {
      const all = Promise.all(todo.map((key) => limit(async () => {
        if (ac.signal.aborted) return;
        if (o.maxCostUsd !== undefined && spent >= o.maxCostUsd) { budgetStopped = true; return; }
        const keyStr = runKeyString(key);
        const name = safeName(keyStr);
        const transcriptRel = path.join('transcripts', `${name}.jsonl`);
        let r: RunResult;
        try {
          r = await runOne({
            key, scenario: byId.get(key.scenario)!, agent: agents.get(key.agent)!, judge: judges.get(key.judge)!,
            // A short work dir: sockets inside workspaces must stay under the unix path limit.
            factory: o.factory, workDir: path.join(workRoot!, crypto.createHash('sha1').update(keyStr).digest('hex').slice(0, 12)), transcriptFile: path.join(o.outDir, transcriptRel), transcriptRel,
            limits: o.limits, keepWorkspaces: o.keepWorkspaces, labels: { 'fleetbench.run': name }, signal: ac.signal,
            scenarioHash: manifest.inputs?.scenarios[key.scenario],
          });
        } catch (e) {
          r = errorResult({ ...key, sandbox: o.factory.kind, transcript: null, startedAt: new Date().toISOString() }, new Date(), errorMessage(e));
        }
        // A run the interruption cut short is not a result, whatever it returned: --resume redoes it.
        if (ac.signal.aborted) return;
        spent += spentUsd(r);
        writer.append(r);
        results.push(r);
        ran++;
        progress.finished(r);
      })));
      // After an interruption, runs in flight get a grace period to dispose of their sandboxes and workspaces.
      const grace = afterAbort(ac.signal, o.abortGraceMs ?? DEFAULT_ABORT_GRACE_MS);
      try { await Promise.race([all, grace.done]); } finally { grace.cancel(); }
      if (ac.signal.aborted) {
        await within(disposing, 15_000);
        // Sandboxes created after the first sweep (a run that had not yet seen the signal).
        await within(disposeAll(o.factory), 15_000);
      }
    } finally {
      o.signal?.removeEventListener('abort', forward);
      writer.close();
      if (o.keepWorkspaces) {
        keepWorkRoot(workRoot);
        log(`workspaces kept in ${workRoot}`);
      } else {
        fs.rmSync(workRoot, { recursive: true, force: true, maxRetries: 3 });
      }
    }
    if (budgetStopped) log(`budget of $${o.maxCostUsd} reached: ${todo.length - ran} run(s) not started; continue with --resume ${o.outDir} --max-cost <more>`);
    return summary({ results, ran, skipped: matrix.length - todo.length, budgetStopped, interrupted: ac.signal.aborted, unfinished: ac.signal.aborted ? todo.length - ran : 0 });
  } finally {
    process.removeListener('exit', onExit);
    lock.release();
  }
}
