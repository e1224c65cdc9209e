// `scenarios validate`: a scenario is meaningful only if the base fails its hidden checks, the golden patch grades
// `success` on every repeat, and every variant grades to the outcome it declares.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadedScenario } from '../scenarios/load.ts';
import { missingRequirements } from '../scenarios/toolchain.ts';
import type { SandboxFactory } from '../sandbox/sandbox.ts';
import { gradeDiff, runHiddenChecks, type Grade } from './grade.ts';
import { errorMessage } from '../util/errors.ts';

export interface CheckResult { name: string; ok: boolean; detail: string }
export interface ScenarioValidation { id: string; status: 'valid' | 'invalid' | 'flaky' | 'skipped'; checks: CheckResult[]; reason: string; ms: number }

async function baseFailsHidden(s: LoadedScenario, factory: SandboxFactory, dir: string): Promise<CheckResult> {
  // The same hidden phase as grading (fresh workspace and sandbox, hidden files written last and hashed), on the bare base.
  const r = await runHiddenChecks(s, '', [], { factory, workDir: dir, labels: { 'fleetbench.role': 'validate' } });
  const failed = !r.passed;
  return { name: 'base', ok: failed, detail: failed ? 'hidden checks fail on the base, as they must' : 'hidden checks PASS on the unchanged base: they do not test the migration' };
}

function describe(g: Grade): string {
  return `${g.outcome} (${g.reason})`;
}

export async function validateScenario(s: LoadedScenario, factory: SandboxFactory, opts: { repeat?: number; onCheck?: (c: CheckResult) => void } = {}): Promise<ScenarioValidation> {
  const started = performance.now();
  const missing = missingRequirements(s, { toolchain: factory.kind === 'local' });
  if (missing) return { id: s.id, status: 'skipped', checks: [], reason: `missing on this host: ${missing}`, ms: 0 };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `fleetbench-validate-${s.id}-`));
  const checks: CheckResult[] = [];
  const push = (c: CheckResult) => { checks.push(c); opts.onCheck?.(c); };
  let flaky = false;
  try {
    push(await baseFailsHidden(s, factory, path.join(work, 'base')));
    const golden: Grade[] = [];
    for (let i = 0; i < (opts.repeat ?? 1); i++) golden.push(await gradeDiff(s, s.solution, { factory, workDir: path.join(work, `golden-${i}`) }));
    const ok = golden.filter((g) => g.outcome === 'success').length;
    flaky = ok > 0 && ok < golden.length;
    push({ name: 'golden', ok: ok === golden.length, detail: ok === golden.length ? `success${golden.length > 1 ? ` on all ${golden.length} repeats` : ''}` : `${ok}/${golden.length} repeats succeed: ${golden.filter((g) => g.outcome !== 'success').map(describe)[0]}` });
    for (const v of s.variants) {
      const g = await gradeDiff(s, v.diff, { factory, workDir: path.join(work, `variant-${v.name}`) });
      push({ name: v.name, ok: g.outcome === v.outcome, detail: g.outcome === v.outcome ? `${g.outcome} as declared` : `declared ${v.outcome}, graded ${describe(g)}` });
    }
  } catch (e) {
    push({ name: 'error', ok: false, detail: errorMessage(e) });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const bad = checks.filter((c) => !c.ok);
  const status = bad.length === 0 ? 'valid' : flaky && bad.length === 1 && bad[0].name === 'golden' ? 'flaky' : 'invalid';
  return { id: s.id, status, checks, reason: bad.map((c) => `${c.name}: ${c.detail}`).join('; '), ms: performance.now() - started };
}
