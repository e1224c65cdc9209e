// Grading, never visible to the agent. Two phases, each in its own freshly materialized workspace and fresh sandbox:
//   CI      base + the final diff, the verifiers re-run (what CI would do with the PR);
//   hidden  base + the final diff with the harness-owned test infrastructure restored, where nothing of the agent has
//           run before; the hidden files written last, hashed right before and right after they run;
// then the scope rules on the diff → exactly one outcome. See docs/grading-integrity.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sandboxSpecFor } from './spec.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Outcome } from '../scenarios/schema.ts';
import { applyDiff, listFiles, materialize, PatchError, scenarioTemplate, type Workspace } from '../scenarios/workspace.ts';
import { checkScope, scopeRulesOf, testInfraMatcher, type ScopeViolation } from '../scenarios/scope.ts';
import { parseDiff, type FileChange } from '../scenarios/diff.ts';
import type { Sandbox, SandboxFactory } from '../sandbox/sandbox.ts';
import { detectVerifiers } from '../verifiers/detect.ts';
import { relativePaths, runVerifiers } from '../verifiers/run.ts';
import { summarizeOutput } from '../verifiers/summarize/index.ts';
import type { VerifierResult } from '../verifiers/verifier.ts';
import { classifyOutcome } from '../scoring/classify.ts';
import { HarnessError } from '../util/errors.ts';

/** The largest diff that is built and tested (20 MiB). A bigger one is graded `ci_fail` without building anything. */
export const MAX_DIFF_BYTES = 20 * 1024 * 1024;

/** A diff too big to read into memory: only its size is known (see finalDiff). */
export interface OversizedDiff { oversizedBytes: number }

export const HIDDEN_TAMPERED = 'hidden checks were modified while they ran';

export interface Grade {
  outcome: Outcome;
  reason: string;
  ciPassed: boolean | null;
  hiddenPassed: boolean | null;
  scopeViolations: ScopeViolation[];
  ci: VerifierResult[];
  hiddenSummary: string | null;
  /** Test infrastructure put back to the base (or removed) before the hidden checks ran. */
  restoredTestInfra: string[];
  durationMs: number;
}

export interface GradeOptions {
  factory: SandboxFactory;
  /** Where the grading workspaces go; removed afterwards unless keep is set. */
  workDir: string;
  keep?: boolean;
  labels?: Record<string, string>;
  /** Aborting disposes the sandbox in use and rejects with a HarnessError('interrupted'). */
  signal?: AbortSignal;
}

export class InterruptedError extends HarnessError {
  constructor() { super('interrupted'); this.name = 'InterruptedError'; }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Grade a diff against a scenario. An empty diff is `no_pr` without building anything. */
export async function gradeDiff(scenario: LoadedScenario, diff: string | OversizedDiff, opts: GradeOptions): Promise<Grade> {
  const started = performance.now();
  const bytes = typeof diff === 'string' ? Buffer.byteLength(diff) : diff.oversizedBytes;
  const base = { scopeViolations: [] as ScopeViolation[], ci: [], hiddenSummary: null, restoredTestInfra: [] };
  if (typeof diff !== 'string' || bytes > MAX_DIFF_BYTES) {
    // The same in every sandbox, and nothing is built: the size is the agent's doing.
    return { ...base, outcome: 'ci_fail', reason: `the diff is ${mib(bytes)} (${bytes} bytes), over the grading cap of ${mib(MAX_DIFF_BYTES)}: not built`, ciPassed: false, hiddenPassed: null, durationMs: performance.now() - started };
  }
  const files = parseDiff(diff);
  if (!diff.trim() || files.length === 0) {
    return { ...base, outcome: 'no_pr', reason: 'no change produced', ciPassed: null, hiddenPassed: null, durationMs: 0 };
  }
  // The diff text, not the parsed files: with its context lines the rules compare assertions per test case.
  const scopeViolations = checkScope(diff, scopeRulesOf(scenario));
  throwIfAborted(opts.signal);

  // CI: the agent's full diff, as CI would build it.
  let ci: VerifierResult[];
  const ciWs = await materialize(scenario, path.join(opts.workDir, 'ci'));
  try {
    // Which verifiers run is decided on the base, not by files the diff adds or removes.
    const verifiers = detectVerifiers(ciWs.dir, scenario.verify);
    const applied = await applyOrReason(ciWs, diff);
    if (applied !== null) {
      return { ...base, scopeViolations, outcome: 'ci_fail', reason: applied, ciPassed: false, hiddenPassed: null, durationMs: performance.now() - started };
    }
    ci = await inSandbox(ciWs, opts, 'ci', (sb) => runVerifiers(sb, verifiers, { stopAtFirstFailure: true }));
  } finally {
    if (!opts.keep) fs.rmSync(ciWs.dir, { recursive: true, force: true });
  }
  const ciPassed = ci.every((r) => r.passed);

  let hidden: HiddenRun | null = null;
  if (ciPassed) hidden = await runHiddenChecks(scenario, diff, files, opts);
  const hiddenPassed = hidden ? hidden.passed : null;
  const outcome = classifyOutcome({ hasDiff: true, ciPassed, hiddenPassed, scopeViolations: scopeViolations.length });
  const reason = hidden?.tampered ? `${HIDDEN_TAMPERED} (${hidden.tampered.join(', ')})` : reasonOf(outcome, ci, hidden?.summary ?? null, scopeViolations);
  return {
    outcome, reason, ciPassed, hiddenPassed, scopeViolations, ci, hiddenSummary: hidden?.summary ?? null,
    restoredTestInfra: hidden?.restored ?? [], durationMs: performance.now() - started,
  };
}

/** Apply the diff on the host; a diff that does not apply to the base is the agent's (ci_fail), returned as the reason. */
async function applyOrReason(ws: Workspace, diff: string): Promise<string | null> {
  try {
    await applyDiff(ws.dir, diff, 'the final diff');
    return null;
  } catch (e) {
    if (e instanceof PatchError) return e.message;
    throw e;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InterruptedError();
}

/** Run `body` in a fresh sandbox made from `ws`; disposed afterwards, and at once when the signal aborts. */
async function inSandbox<T>(ws: Workspace, opts: GradeOptions, phase: string, body: (sb: Sandbox) => Promise<T>): Promise<T> {
  throwIfAborted(opts.signal);
  const sandbox = await opts.factory.create(sandboxSpecFor(ws, opts.factory, { ...opts.labels, 'fleetbench.role': 'grade', 'fleetbench.phase': phase }));
  const onAbort = () => { sandbox.dispose().catch(() => {}); };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    throwIfAborted(opts.signal);
    const out = await body(sandbox);
    throwIfAborted(opts.signal);
    return out;
  } catch (e) {
    if (opts.signal?.aborted) throw new InterruptedError();
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await sandbox.dispose();
  }
}

export interface HiddenRun {
  passed: boolean;
  summary: string;
  /** Hidden files changed or gone after the run (only the agent's code can do that), or null. */
  tampered: string[] | null;
  restored: string[];
}

function sha256(b: Buffer): string {
  return crypto.createHash('sha256').update(b).digest('hex');
}

/**
 * The hidden checks, in a workspace and sandbox of their own: base + diff, test infrastructure restored, directories
 * that only hidden/ brings cleared, hidden files written last and verified by hash before and after the run.
 * Also used on the bare base by `scenarios validate` (diff '').
 */
export async function runHiddenChecks(scenario: LoadedScenario, diff: string, files: FileChange[], opts: GradeOptions): Promise<HiddenRun> {
  const ws = await materialize(scenario, path.join(opts.workDir, 'hidden'));
  try {
    if (diff.trim()) await applyDiff(ws.dir, diff, 'the final diff');
    const tpl = await scenarioTemplate(scenario);
    const restored = restoreTestInfra(ws.dir, tpl.dir, files, scenario);
    const hiddenFiles = listFiles(scenario.hiddenDir).map((f) => ({ rel: f, data: fs.readFileSync(path.join(scenario.hiddenDir, f)) }));
    restored.push(...clearHiddenOnlyDirs(ws.dir, tpl.dir, hiddenFiles.map((f) => f.rel)));
    return await inSandbox(ws, opts, 'hidden', async (sb) => {
      // Written last: nothing runs between these writes and the hidden command.
      for (const f of hiddenFiles) await sb.writeFile(f.rel, f.data);
      const expected = new Map(hiddenFiles.map((f) => [f.rel, sha256(f.data)]));
      const before = await changedHiddenFiles(sb, expected);
      // Nothing of this phase has run yet: only a process of the agent's that outlived its sandbox (no isolation)
      // could have changed them. Graded as tampering, like a change during the run.
      if (before.length) return { passed: false, summary: `${HIDDEN_TAMPERED}: ${before.join(', ')} (changed before the run)`, tampered: before, restored };
      const h = await sb.exec(scenario.hidden.command, { timeoutMs: scenario.hidden.timeoutSeconds * 1000 });
      const after = await changedHiddenFiles(sb, expected);
      const summary = summarizeOutput(scenario.hidden.tool, h.exitCode, relativePaths(h.output, sb.workdir), { timedOut: h.timedOut, durationMs: h.durationMs, command: scenario.hidden.command });
      if (after.length) return { passed: false, summary: `${HIDDEN_TAMPERED}: ${after.join(', ')}\n${summary}`, tampered: after, restored };
      return { passed: h.exitCode === 0 && !h.timedOut, summary, tampered: null, restored };
    });
  } finally {
    if (!opts.keep) fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

/** Hidden files whose content is not what the harness wrote (missing counts as changed). A lost sandbox throws. */
async function changedHiddenFiles(sb: Sandbox, expected: Map<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const [rel, hash] of expected) {
    let data: Buffer;
    try {
      data = await sb.readFile(rel);
    } catch (e) {
      if (e instanceof HarnessError) throw e;
      out.push(`${rel} (unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    if (sha256(data) !== hash) out.push(rel);
  }
  return out;
}

// ---- restoring the harness-owned test infrastructure (host side, before the hidden sandbox exists) ----

function walk(root: string, rel = '', out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(root, r, out);
    else if (e.isFile() || e.isSymbolicLink()) out.push(r);
  }
  return out;
}

/** Every parent of `rel` inside `root` is a real directory (or absent): never follow a link the diff made. */
function safeParents(root: string, rel: string): boolean {
  const parts = rel.split('/').slice(0, -1);
  let cur = root;
  for (const p of parts) {
    if (p === '..' || p === '.' || p === '') return false;
    cur = path.join(cur, p);
    let st: fs.Stats;
    try { st = fs.lstatSync(cur); } catch { return true; }
    if (!st.isDirectory()) return false;
  }
  return true;
}

function removeEntry(abs: string): boolean {
  try { fs.lstatSync(abs); } catch { return false; }
  fs.rmSync(abs, { recursive: true, force: true });
  return true;
}

function writeRestored(wsDir: string, rel: string, data: Buffer): boolean {
  if (!safeParents(wsDir, rel)) return false;
  const abs = path.join(wsDir, rel);
  let cur: Buffer | null = null;
  try { if (fs.lstatSync(abs).isFile()) cur = fs.readFileSync(abs); } catch { /* absent */ }
  if (cur && cur.equals(data)) return false;
  removeEntry(abs);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, data);
  return true;
}

const PYTEST_SECTION: Record<string, RegExp> = {
  'pyproject.toml': /^\s*\[+\s*tool\.pytest\b/,
  'setup.cfg': /^\s*\[\s*tool:pytest\s*\]/,
  'tox.ini': /^\s*\[\s*(?:pytest|tool:pytest)\s*\]/,
};
const RUNNER_KEYS = ['jest', 'mocha', 'ava', 'c8', 'nyc', 'vitest'];

/** Split INI/TOML text into a preamble and [section] blocks; replace the pytest blocks of `cur` by those of `base`. */
function restoreSections(base: string, cur: string, isPytest: RegExp): string {
  const blocks = (text: string) => {
    const out: string[][] = [[]];
    for (const line of text.split('\n')) {
      if (/^\s*\[/.test(line)) out.push([]);
      out[out.length - 1].push(line);
    }
    return out;
  };
  const isP = (b: string[]) => b.length > 0 && isPytest.test(b[0]);
  const kept = blocks(cur).filter((b) => !isP(b));
  const fromBase = blocks(base).filter(isP);
  if (fromBase.length === 0 && kept.length === blocks(cur).length) return cur;
  let text = kept.map((b) => b.join('\n')).join('\n');
  if (fromBase.length) text = `${text.replace(/\n*$/, '\n\n')}${fromBase.map((b) => b.join('\n').replace(/\n*$/, '')).join('\n\n')}\n`;
  return text;
}

/**
 * Put the harness's test infrastructure back: whole test-runner files (conftest.py, pytest.ini, jest/vitest/mocha
 * configs, junit-platform.properties, .cargo/config) restored to the base or, when the diff added them, removed; the
 * pytest sections of pyproject.toml/setup.cfg/tox.ini and the runner keys of package.json restored. Files the
 * scenario allows (`scope.testInfra`) are left as the agent made them. Returns what was changed.
 */
export function restoreTestInfra(wsDir: string, baseDir: string, files: FileChange[], scenario: LoadedScenario): string[] {
  const { isInfraFile, allowed } = testInfraMatcher(scopeRulesOf(scenario));
  const baseFiles = new Set(walk(baseDir));
  const candidates = new Set<string>();
  for (const f of baseFiles) if (isInfraFile(f)) candidates.add(f);
  for (const f of files) for (const p of [f.path, f.oldPath]) if (p && isInfraFile(p)) candidates.add(p);
  const out: string[] = [];
  for (const rel of [...candidates].sort()) {
    if (allowed(rel)) continue;
    if (baseFiles.has(rel)) {
      const st = fs.lstatSync(path.join(baseDir, rel));
      if (st.isFile() && writeRestored(wsDir, rel, fs.readFileSync(path.join(baseDir, rel)))) out.push(`${rel} (restored)`);
    } else if (safeParents(wsDir, rel) && removeEntry(path.join(wsDir, rel))) {
      out.push(`${rel} (removed)`);
    }
  }
  // Mixed files: only their test-runner part is the harness's.
  for (const f of files) {
    if (f.status === 'deleted' || allowed(f.path) || !baseFiles.has(f.path) || !safeParents(wsDir, f.path)) continue;
    const name = path.posix.basename(f.path);
    const abs = path.join(wsDir, f.path);
    let cur: string;
    try { if (!fs.lstatSync(abs).isFile()) continue; cur = fs.readFileSync(abs, 'utf8'); } catch { continue; }
    const base = fs.readFileSync(path.join(baseDir, f.path), 'utf8');
    let next = cur;
    if (PYTEST_SECTION[name]) next = restoreSections(base, cur, PYTEST_SECTION[name]);
    else if (name === 'package.json') {
      try {
        const b = JSON.parse(base) as Record<string, unknown>, c = JSON.parse(cur) as Record<string, unknown>;
        let changed = false;
        for (const k of RUNNER_KEYS) {
          if (JSON.stringify(b[k]) === JSON.stringify(c[k])) continue;
          changed = true;
          if (b[k] === undefined) delete c[k]; else c[k] = b[k];
        }
        if (changed) next = JSON.stringify(c, null, 2) + '\n';
      } catch { /* not JSON: the agent's package.json fails on its own */ }
    }
    if (next !== cur) { fs.writeFileSync(abs, next); out.push(`${f.path} (test section restored)`); }
  }
  return out;
}

/**
 * Top-level directories that exist only because hidden/ brings them (hidden_tests/, hidden-tests/) are the
 * harness's: whatever the diff put there (an __init__.py, a guessed test file) is removed before the hidden files go in.
 */
function clearHiddenOnlyDirs(wsDir: string, baseDir: string, hiddenRel: string[]): string[] {
  const out: string[] = [];
  const tops = new Set(hiddenRel.filter((r) => r.includes('/')).map((r) => r.split('/')[0]));
  for (const top of tops) {
    if (fs.existsSync(path.join(baseDir, top))) continue;
    if (removeEntry(path.join(wsDir, top))) out.push(`${top}/ (cleared)`);
  }
  return out;
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

