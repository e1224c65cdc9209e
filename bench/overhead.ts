// Figure 1, harness overhead: `replay:golden` end to end through runMatrix (local sandbox, heuristic judge, concurrency 1)
// against its floor (floor.ts): the same verifier and hidden-check commands, run directly in prepared workspaces.
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { probeBubblewrap } from '../src/sandbox/local.ts';
import { prepareFloor, runFloor, type FloorRun } from './floor.ts';
import { timeMatrix, type MatrixPass } from './harness.ts';
import { median, ratio, round1, round3 } from './stats.ts';
import { PHASE_KEYS } from './phases.ts';
import { withTempDir } from './tempdir.ts';

export interface OverheadResult {
  overheadRatio: number | null;
  perRunOverheadMs: number | null;
  harnessMs: number;
  floorMs: number;
  scenarios: string[];
  /** Scenarios left out because their golden commands fail when run directly. */
  dropped: string[];
  runs: number;
  /** false when any timed run did not end as expected (a harness error, a failing command): the ratio is then not a measurement. */
  valid: boolean;
  reps: number;
  isolation: string;
  perScenario: Array<{
    scenario: string; floorMs: number; harnessRunMs: number;
    floorSteps: Array<{ phase: string; name: string; ms: number }>;
    /** Medians over the harness passes of where the run's time went (from its transcript). */
    harnessPhases: Record<string, number | null>;
    /** Harness time beyond the floor's commands: in the agent phase (beyond the stop hook's verifiers), in grading (beyond CI + hidden checks), and the rest. */
    overheadMs: { setup: number | null; agentAndStopHook: number | null; judge: number | null; grade: number | null; finish: number | null };
  }>;
  samples: { harnessMs: number[]; floorMs: number[] };
  problems: string[];
}

async function floorPass(scenarios: LoadedScenario[], log: (line: string) => void): Promise<FloorRun[]> {
  return withTempDir('fleetbench-floor-', async (root) => {
    const out: FloorRun[] = [];
    for (const [i, s] of scenarios.entries()) {
      const f = await runFloor(await prepareFloor(s, root));
      out.push(f);
      log(`    [${i + 1}/${scenarios.length}] ${s.id} floor → ${f.failed.length ? `FAILED (${f.failed.join('; ')})` : 'passed'} (${(f.ms / 1000).toFixed(1)}s)`);
    }
    return out;
  });
}

/**
 * `reps` passes of each, alternating which goes first so drift in machine load falls on both sides; the first pass
 * is always the floor, and a scenario whose golden commands fail there is dropped (a ratio over broken runs measures
 * nothing). Workspace preparation of the floor is untimed; in the harness it is part of what is measured.
 */
export async function measureOverhead(all: LoadedScenario[], reps: number, log: (line: string) => void): Promise<OverheadResult> {
  const floors: FloorRun[][] = [], passes: MatrixPass[] = [];
  const problems = new Set<string>();
  let scenarios = all;
  for (let rep = 0; rep < reps; rep++) {
    for (const side of rep % 2 ? ['harness', 'floor'] : ['floor', 'harness']) {
      if (side === 'floor') {
        let f = await floorPass(scenarios, log);
        const broken = new Set(f.filter((r) => r.failed.length).map((r) => r.scenario));
        for (const r of f) for (const x of r.failed) problems.add(`floor ${r.scenario} ${x}`);
        if (broken.size && rep === 0) {
          for (const id of broken) log(`  WARNING: dropping ${id}: its golden commands fail when run directly (${f.find((r) => r.scenario === id)!.failed.join('; ')})`);
          scenarios = scenarios.filter((s) => !broken.has(s.id));
          f = f.filter((r) => !broken.has(r.scenario));
          if (scenarios.length === 0) throw new Error('every selected scenario fails its golden commands');
        }
        floors.push(f);
        log(`  rep ${rep + 1}/${reps} floor:   ${(total(f) / 1000).toFixed(1)} s`);
      } else {
        const h = await timeMatrix(scenarios, ['replay:golden'], 1, log);
        passes.push(h);
        h.unexpected.forEach((u) => problems.add(`harness ${u}`));
        log(`  rep ${rep + 1}/${reps} harness: ${(h.ms / 1000).toFixed(1)} s${h.unexpected.length ? ` (${h.unexpected.length} run(s) not success: the ratio is not valid)` : ''}`);
      }
    }
  }
  const floorTotals = floors.map(total);
  const harnessTotals = passes.map((p) => p.ms);
  const harnessMs = median(harnessTotals), floorMs = median(floorTotals);
  const r = ratio(harnessMs, floorMs);
  return {
    overheadRatio: r === null ? null : round3(r),
    perRunOverheadMs: round1((harnessMs - floorMs) / scenarios.length),
    harnessMs: round1(harnessMs), floorMs: round1(floorMs),
    scenarios: scenarios.map((s) => s.id), dropped: all.filter((s) => !scenarios.includes(s)).map((s) => s.id),
    runs: scenarios.length, reps,
    valid: passes.every((p) => p.unexpected.length === 0) && floors.every((f) => f.every((x) => x.failed.length === 0)),
    isolation: probeBubblewrap().ok ? 'local+bubblewrap' : `local, no isolation (${probeBubblewrap().why})`,
    perScenario: scenarios.map((s) => perScenario(s.id, floors, passes)),
    samples: { harnessMs: harnessTotals.map(round1), floorMs: floorTotals.map(round1) },
    problems: [...problems],
  };
}

function perScenario(id: string, floors: FloorRun[][], passes: MatrixPass[]): OverheadResult['perScenario'][number] {
  const runs = floors.map((f) => f.find((x) => x.scenario === id)!);
  const floorPhase = (...phases: string[]) => median(runs.map((r) => r.steps.filter((st) => phases.includes(st.phase)).reduce((a, st) => a + st.ms, 0)));
  const results = passes.map((p) => p.results.find((x) => x.scenario === id));
  const phase = (k: (typeof PHASE_KEYS)[number]) => {
    const xs = results.map((r) => r?.phases?.[k]).filter((x): x is number => typeof x === 'number');
    return xs.length ? median(xs) : null;
  };
  const harnessPhases = Object.fromEntries(PHASE_KEYS.map((k) => [k, phase(k)]));
  const minus = (a: number | null, b: number) => (a === null ? null : round1(a - b));
  return {
    scenario: id, floorMs: round1(median(runs.map((r) => r.ms))),
    harnessRunMs: round1(median(results.map((r) => r?.wallMs ?? NaN))),
    floorSteps: runs[0].steps.map((st) => ({ phase: st.phase, name: st.name, ms: round1(st.ms) })),
    harnessPhases,
    overheadMs: {
      setup: harnessPhases.setupMs, agentAndStopHook: minus(harnessPhases.agentAndStopHookMs, floorPhase('stop-hook')),
      judge: harnessPhases.judgeMs, grade: minus(harnessPhases.gradeMs, floorPhase('grade', 'hidden')), finish: harnessPhases.finishMs,
    },
  };
}

function total(f: FloorRun[]): number {
  return f.reduce((a, r) => a + r.ms, 0);
}
