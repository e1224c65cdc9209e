// Which scenarios the benchmark runs: the bundled suite, loaded one by one (a scenario another change leaves broken
// is skipped with its reason, never fatal), restricted to toolchains present on this machine.
import { listScenarioDirs, loadScenario, selectScenarios, type LoadedScenario } from '../src/scenarios/load.ts';
import { missingToolchain } from '../src/scenarios/toolchain.ts';
import { errorMessage } from '../src/util/errors.ts';

export interface Suite { scenarios: LoadedScenario[]; skipped: Array<{ id: string; reason: string }> }

export function loadSuite(log: (line: string) => void = () => {}): Suite {
  const scenarios: LoadedScenario[] = [];
  const skipped: Suite['skipped'] = [];
  for (const dir of listScenarioDirs()) {
    let s: LoadedScenario;
    try { s = loadScenario(dir); } catch (e) { skipped.push({ id: dir.split('/').at(-1)!, reason: errorMessage(e).split('\n')[0] }); continue; }
    const missing = missingToolchain(s.ecosystem);
    if (missing) skipped.push({ id: s.id, reason: missing });
    else scenarios.push(s);
  }
  for (const k of skipped) log(`  skipping scenario ${k.id}: ${k.reason}`);
  return { scenarios, skipped };
}

/** The first scenario (by id) of every ecosystem: a representative subset that keeps the run inside its time budget. */
export function onePerEcosystem<T extends { id: string; ecosystem: string }>(scenarios: T[]): T[] {
  const first = new Map<string, T>();
  for (const s of [...scenarios].sort((a, b) => a.id.localeCompare(b.id))) if (!first.has(s.ecosystem)) first.set(s.ecosystem, s);
  return [...first.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** `representative` (one per ecosystem), `all`, or a scenario selector (ids, globs, tag:NAME). */
export function pickScenarios(all: LoadedScenario[], which: string): LoadedScenario[] {
  if (which === 'representative') return onePerEcosystem(all);
  if (which === 'all') return all;
  return selectScenarios(all, which);
}
