// Figure 2, concurrency scaling: the same set of runs through runMatrix at concurrency 1 and at 2; wall(1) / wall(2).
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { timeMatrix } from './harness.ts';
import { median, ratio, round1, round3 } from './stats.ts';

export const SCALING_AGENTS = ['replay:golden', 'noop'];

export interface ScalingResult {
  scalingRatio: number | null;
  concurrency1Ms: number;
  concurrency2Ms: number;
  scenarios: string[];
  agents: string[];
  runs: number;
  reps: number;
  samples: { concurrency1Ms: number[]; concurrency2Ms: number[] };
  problems: string[];
}

/** Alternates 1, 2, 2, 1, … so drift in machine load falls on both sides; medians of `reps` passes each. */
export async function measureScaling(scenarios: LoadedScenario[], reps: number, log: (line: string) => void): Promise<ScalingResult> {
  const at: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const problems = new Set<string>();
  let runs = 0;
  for (let rep = 0; rep < reps; rep++) {
    for (const c of (rep % 2 ? [2, 1] : [1, 2]) as Array<1 | 2>) {
      const p = await timeMatrix(scenarios, SCALING_AGENTS, c, log);
      at[c].push(p.ms);
      runs = p.runs;
      p.unexpected.forEach((u) => problems.add(u));
      log(`  rep ${rep + 1}/${reps} concurrency ${c}: ${(p.ms / 1000).toFixed(1)} s for ${p.runs} runs`);
    }
  }
  const c1 = median(at[1]), c2 = median(at[2]);
  const r = ratio(c1, c2);
  return {
    scalingRatio: r === null ? null : round3(r), concurrency1Ms: round1(c1), concurrency2Ms: round1(c2),
    scenarios: scenarios.map((s) => s.id), agents: SCALING_AGENTS, runs, reps,
    samples: { concurrency1Ms: at[1].map(round1), concurrency2Ms: at[2].map(round1) }, problems: [...problems],
  };
}
