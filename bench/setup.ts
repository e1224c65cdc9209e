// Figure 3, workspace setup per run (warm caches): materialize() — template copy plus dependency-cache link — against
// copying the scenario's repo/ plainly, and against copying it together with its installed dependencies (what a
// harness without a shared dependency cache would do).
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { dependencyCache, materialize } from '../src/scenarios/workspace.ts';
import { timeRepeated, type Timing } from './stats.ts';
import { withTempDir } from './tempdir.ts';

export interface SetupFigure {
  scenario: string;
  ecosystem: string;
  materialize: Timing;
  plainCopy: Timing;
  /** repo/ plus node_modules copied; null when the scenario has no installed dependencies. */
  copyWithDeps: Timing | null;
}

export async function measureSetup(scenarios: LoadedScenario[], reps: number): Promise<SetupFigure[]> {
  return withTempDir('fleetbench-setup-', async (root) => {
    const fresh = (name: string, i: number) => path.join(root, `${name}-${i}`);
    const out: SetupFigure[] = [];
    for (const s of scenarios) {
      await materialize(s, fresh('warm', 0)); // builds the template and dependency caches: warm from here on
      const deps = await dependencyCache(s);
      const materializeT = await timeRepeated(reps, (i) => materialize(s, fresh(`${s.id}-m`, i)));
      const plainCopy = await timeRepeated(reps, (i) => fs.cpSync(s.repoDir, fresh(`${s.id}-c`, i), { recursive: true }));
      // Copying megabytes of node_modules is slow; two samples say enough.
      const copyWithDeps = deps.links.length === 0 ? null : await timeRepeated(Math.min(reps, 2), (i) => {
        const dest = fresh(`${s.id}-d`, i);
        fs.cpSync(s.repoDir, dest, { recursive: true });
        for (const l of deps.links) fs.cpSync(l.target, path.join(dest, l.name), { recursive: true, verbatimSymlinks: true });
      });
      out.push({ scenario: s.id, ecosystem: s.ecosystem, materialize: materializeT, plainCopy, copyWithDeps });
      fs.rmSync(root, { recursive: true, force: true });
      fs.mkdirSync(root);
    }
    return out;
  });
}
