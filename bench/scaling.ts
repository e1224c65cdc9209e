// Figure 2, concurrency scaling: the same set of runs through runMatrix at concurrency 1 and at 2; wall(1) / wall(2).
// Beside it, what this machine allows: the same golden runs' commands run directly at 1 and 2, and the best a set of
// runs of these lengths can do on two slots.
import pLimit from 'p-limit';
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { prepareFloor, runFloor } from './floor.ts';
import { timeMatrix } from './harness.ts';
import { listScheduleMakespan, median, ratio, round1, round3 } from './stats.ts';
import { withTempDir } from './tempdir.ts';

export const SCALING_AGENTS = ['replay:golden', 'noop'];

export interface ScalingResult {
  scalingRatio: number | null;
  /**
   * The best ratio this set of runs allows on 2 slots: the concurrency-1 run times, list-scheduled in matrix order
   * (sum / makespan). Uneven or few runs cap scaling below 2 however fast the harness is.
   */
  ceilingRatio: number | null;
  /**
   * The machine's own scaling for this work: the golden runs' floor commands (bench/floor.ts), run directly as plain
   * child processes, at concurrency 1 over 2. On 2 vCPUs that share caches (or a physical core) it is below 2.
   */
  floorScalingRatio: number | null;
  /** scalingRatio / floorScalingRatio: how much of the speed-up the machine allows the harness delivered. */
  efficiency: number | null;
  concurrency1Ms: number;
  concurrency2Ms: number;
  scenarios: string[];
  agents: string[];
  runs: number;
  reps: number;
  samples: { concurrency1Ms: number[]; concurrency2Ms: number[]; floor1Ms: number[]; floor2Ms: number[] };
  problems: string[];
}

/** The golden runs' floor commands for every scenario, `concurrency` scenarios at a time (workspaces prepared untimed). */
async function timeFloorPass(scenarios: LoadedScenario[], concurrency: number, problems: Set<string>): Promise<number> {
  return withTempDir('fleetbench-floor-', async (root) => {
    const prepared = [];
    for (const s of scenarios) prepared.push(await prepareFloor(s, root));
    const limit = pLimit(concurrency);
    const t0 = performance.now();
    const runs = await Promise.all(prepared.map((p) => limit(() => runFloor(p))));
    const ms = performance.now() - t0;
    for (const r of runs) for (const f of r.failed) problems.add(`floor ${r.scenario}: ${f}`);
    return ms;
  });
}

/** Alternates 1, 2, 2, 1, … so drift in machine load falls on both sides; medians of `reps` passes each. */
export async function measureScaling(scenarios: LoadedScenario[], reps: number, log: (line: string) => void): Promise<ScalingResult> {
  const at: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const floorAt: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const problems = new Set<string>();
  const ceilings: number[] = [];
  let runs = 0;
  for (let rep = 0; rep < reps; rep++) {
    for (const c of (rep % 2 ? [2, 1] : [1, 2]) as Array<1 | 2>) {
      const p = await timeMatrix(scenarios, SCALING_AGENTS, c, log);
      at[c].push(p.ms);
      runs = p.runs;
      if (c === 1) {
        // At concurrency 1 the results come back in matrix order, each wallMs its own time.
        const d = p.results.map((r) => r.wallMs);
        const c2 = listScheduleMakespan(d, 2);
        if (c2 > 0) ceilings.push(d.reduce((a, b) => a + b, 0) / c2);
      }
      p.unexpected.forEach((u) => problems.add(u));
      log(`  rep ${rep + 1}/${reps} concurrency ${c}: ${(p.ms / 1000).toFixed(1)} s for ${p.runs} runs`);
      const f = await timeFloorPass(scenarios, c, problems);
      floorAt[c].push(f);
      log(`  rep ${rep + 1}/${reps} floor at concurrency ${c}: ${(f / 1000).toFixed(1)} s for ${scenarios.length} golden runs' commands`);
    }
  }
  const c1 = median(at[1]), c2 = median(at[2]);
  const r = ratio(c1, c2);
  const ceiling = ceilings.length ? median(ceilings) : null;
  const floorRatio = ratio(median(floorAt[1]), median(floorAt[2]));
  const efficiency = r !== null && floorRatio ? ratio(r, floorRatio) : null;
  return {
    scalingRatio: r === null ? null : round3(r), ceilingRatio: ceiling === null ? null : round3(ceiling),
    floorScalingRatio: floorRatio === null ? null : round3(floorRatio),
    efficiency: efficiency === null ? null : round3(efficiency), concurrency1Ms: round1(c1), concurrency2Ms: round1(c2),
    scenarios: scenarios.map((s) => s.id), agents: SCALING_AGENTS, runs, reps,
    samples: { concurrency1Ms: at[1].map(round1), concurrency2Ms: at[2].map(round1), floor1Ms: floorAt[1].map(round1), floor2Ms: floorAt[2].map(round1) }, problems: [...problems],
  };
}
