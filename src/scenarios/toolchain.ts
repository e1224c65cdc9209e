// What a scenario needs on the host (its ecosystem's toolchain, and any `requires:` it declares), so that a missing
// piece is a skip with a reason and a fix, never a failed run counted against an agent.
import { spawnSync } from 'node:child_process';
import type { Ecosystem, Scenario } from './schema.ts';

interface Requirement { check: string; what: string; fix: string }

const NEEDS: Record<Ecosystem, Requirement[]> = {
  node: [{ check: 'node --version && npm --version', what: 'node and npm', fix: 'install Node.js 20' }],
  python: [{ check: 'python3 -m pytest --version', what: 'python3 with pytest', fix: 'apt-get install python3-pytest' }],
  'java-maven': [{ check: 'mvn --version && javac -version', what: 'Maven and a JDK', fix: 'apt-get install maven openjdk-17-jdk-headless' }],
  'java-gradle': [{ check: 'gradle --version', what: 'Gradle', fix: 'apt-get install gradle' }],
  go: [{ check: 'go version', what: 'Go', fix: 'apt-get install golang-go' }],
  rust: [{ check: 'cargo --version', what: 'cargo', fix: 'install Rust (rustup or apt-get install cargo)' }],
};

/** Check commands already run in this process (a run or a validation asks once per scenario, not once per run). */
const cache = new Map<string, boolean>();

function met(check: string, cwd?: string): boolean {
  const key = `${cwd ?? ''}\0${check}`;
  let ok = cache.get(key);
  if (ok === undefined) {
    ok = spawnSync('bash', ['-c', check], { stdio: 'ignore', timeout: 60_000, cwd }).status === 0;
    cache.set(key, ok);
  }
  return ok;
}

function firstMissing(needs: Requirement[], cwd?: string): string | null {
  const n = needs.find((r) => !met(r.check, cwd));
  return n ? `${n.what} not found (fix: ${n.fix})` : null;
}

/** null when the toolchain is present, else why not and how to fix it. */
export function missingToolchain(ecosystem: Ecosystem): string | null {
  return firstMissing(NEEDS[ecosystem]);
}

/**
 * null when everything the scenario needs on the host is there: its ecosystem's toolchain (unless the sandbox
 * brings its own, as the docker image does) and its `requires:` checks, run from the scenario's folder. Otherwise
 * why it must be skipped, with the fix.
 */
export function missingRequirements(s: Pick<Scenario, 'ecosystem' | 'requires'> & { dir?: string }, opts: { toolchain?: boolean } = {}): string | null {
  return (opts.toolchain === false ? null : firstMissing(NEEDS[s.ecosystem])) ?? firstMissing(s.requires, s.dir);
}
