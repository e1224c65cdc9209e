// One timed pass of the library's matrix runner (what `fleetbench run` does), in a throwaway results directory.
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { runMatrix } from '../src/runner/runner.ts';
import { LocalSandboxFactory } from '../src/sandbox/local.ts';
import type { RunResult } from '../src/pipeline/result.ts';
import { phasesOf, transcriptEvents, type RunPhases } from './phases.ts';
import { withTempDir } from './tempdir.ts';

export interface MatrixPass {
  ms: number;
  runs: number;
  /** Results whose outcome differs from the expected one (a benchmark over broken runs measures nothing). */
  unexpected: string[];
  results: Array<Pick<RunResult, 'scenario' | 'agent' | 'outcome' | 'wallMs'> & { phases: RunPhases | null }>;
}

/** Expected outcome of a reference agent on a valid scenario. */
export function expectedOutcome(agent: string): string | null {
  return agent === 'replay:golden' ? 'success' : agent === 'noop' ? 'no_pr' : null;
}

export async function timeMatrix(scenarios: LoadedScenario[], agents: string[], concurrency: number, log: (line: string) => void): Promise<MatrixPass> {
  return withTempDir('fleetbench-bench-', async (outDir) => {
    const t0 = performance.now();
    const summary = await runMatrix({
      outDir, resume: false, scenarios, agents, judges: ['heuristic'], epochs: 1, concurrency,
      factory: new LocalSandboxFactory({ log }), log: () => {}, progress: (line) => log(`    ${line}`),
    });
    const ms = performance.now() - t0;
    const unexpected = summary.results
      .filter((r) => expectedOutcome(r.agent) !== null && r.outcome !== expectedOutcome(r.agent))
      .map((r) => `${r.scenario} ${r.agent}: ${r.outcome} (${r.reason})`);
    // Read after the clock stopped: the transcripts say where each run's time went.
    const phases = (r: RunResult) => {
      const file = r.transcript ? path.join(outDir, r.transcript) : null;
      return file && fs.existsSync(file) ? phasesOf(r.startedAt, r.finishedAt, transcriptEvents(fs.readFileSync(file, 'utf8'))) : null;
    };
    return {
      ms, runs: summary.results.length, unexpected,
      results: summary.results.map((r) => ({ scenario: r.scenario, agent: r.agent, outcome: r.outcome, wallMs: r.wallMs, phases: phases(r) })),
    };
  });
}
