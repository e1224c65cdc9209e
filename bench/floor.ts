// The floor of a golden run: the commands the pipeline must run, and nothing else, as plain sequential child processes
// in workspaces prepared beforehand (untimed). A golden run must run: every verifier once in the agent's workspace
// (the stop hook), every verifier again in a fresh grading workspace (CI), then the hidden checks there — with the
// environment the pipeline gives them (sandboxSpecFor: the same shared caches), minus the sandbox itself.
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { applyDiff, listFiles, materialize } from '../src/scenarios/workspace.ts';
import { detectVerifiers } from '../src/verifiers/detect.ts';
import type { Verifier } from '../src/verifiers/verifier.ts';
import { sandboxSpecFor } from '../src/pipeline/spec.ts';
import { LocalSandboxFactory } from '../src/sandbox/local.ts';
import { run } from '../src/util/proc.ts';

export type FloorPhase = 'stop-hook' | 'grade' | 'hidden';
export interface FloorStep { phase: FloorPhase; name: string; command: string; timeoutMs: number }

/** The commands of one golden run, in the order the pipeline runs them. */
export function floorPlan(verifiers: Pick<Verifier, 'name' | 'command' | 'timeoutMs'>[], hidden: { command: string; timeoutSeconds: number }): FloorStep[] {
  return [
    ...verifiers.map((v) => ({ phase: 'stop-hook' as const, name: v.name, command: v.command, timeoutMs: v.timeoutMs })),
    ...verifiers.map((v) => ({ phase: 'grade' as const, name: v.name, command: v.command, timeoutMs: v.timeoutMs })),
    { phase: 'hidden', name: 'hidden', command: hidden.command, timeoutMs: hidden.timeoutSeconds * 1000 },
  ];
}

/** A prepared workspace and the environment the pipeline's local sandbox would give commands there (shared caches included). */
export interface FloorWorkspace { dir: string; env: Record<string, string> }
export interface PreparedFloor { scenario: LoadedScenario; agent: FloorWorkspace; grade: FloorWorkspace; plan: FloorStep[] }

/**
 * Two fresh workspaces with the golden patch applied, as the pipeline has them. Fresh for every timed pass: build
 * outputs left by an earlier pass (target/, the per-workspace Go cache) would make the floor cheaper than the work.
 */
export async function prepareFloor(s: LoadedScenario, root: string): Promise<PreparedFloor> {
  const agent = await materialize(s, path.join(root, s.id, 'agent'));
  const grade = await materialize(s, path.join(root, s.id, 'grade'));
  for (const ws of [agent, grade]) await applyDiff(ws.dir, s.solution, `${s.id}/solution.patch`);
  const local = new LocalSandboxFactory();
  const envOf = (ws: typeof agent) => sandboxSpecFor(ws, local, {}).env;
  return {
    scenario: s, agent: { dir: agent.dir, env: envOf(agent) }, grade: { dir: grade.dir, env: envOf(grade) },
    plan: floorPlan(detectVerifiers(agent.dir, s.verify), s.hidden),
  };
}

function copyHidden(hiddenDir: string, dest: string): void {
  for (const f of listFiles(hiddenDir)) {
    fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    fs.copyFileSync(path.join(hiddenDir, f), path.join(dest, f));
  }
}

export interface FloorStepResult { phase: FloorPhase; name: string; ms: number; exitCode: number; tail: string }
export interface FloorRun { scenario: string; ms: number; steps: FloorStepResult[]; failed: string[] }

/** Time the plan's commands, one after another, with the same environment the sandbox gives them. */
export async function runFloor(p: PreparedFloor): Promise<FloorRun> {
  const steps: FloorStepResult[] = [];
  for (const step of p.plan) {
    const ws = step.phase === 'stop-hook' ? p.agent : p.grade;
    // Hidden files arrive after CI, as in grading (a test runner would otherwise collect them during CI). Untimed.
    if (step.phase === 'hidden') copyHidden(p.scenario.hiddenDir, p.grade.dir);
    const t0 = performance.now();
    const r = await run('bash', ['-c', step.command], { cwd: ws.dir, env: ws.env, timeoutMs: step.timeoutMs });
    const ms = performance.now() - t0;
    steps.push({ phase: step.phase, name: step.name, ms, exitCode: r.code, tail: r.code === 0 ? '' : (r.stdout + r.stderr).trim().slice(-400) });
  }
  return {
    scenario: p.scenario.id, ms: steps.reduce((a, s) => a + s.ms, 0), steps,
    failed: steps.filter((s) => s.exitCode !== 0).map((s) => `${s.phase}:${s.name} exit ${s.exitCode}`),
  };
}
