// Which toolchains a scenario needs on the host, so a missing one is a skip with a reason, never a pass.
import { spawnSync } from 'node:child_process';
import type { Ecosystem } from './schema.ts';

const NEEDS: Record<Ecosystem, Array<{ check: string; what: string; install: string }>> = {
  node: [{ check: 'node --version && npm --version', what: 'node and npm', install: 'install Node.js 20' }],
  python: [{ check: 'python3 -m pytest --version', what: 'python3 with pytest', install: 'apt-get install python3-pytest' }],
  'java-maven': [{ check: 'mvn --version && javac -version', what: 'Maven and a JDK', install: 'apt-get install maven openjdk-17-jdk-headless' }],
  'java-gradle': [{ check: 'gradle --version', what: 'Gradle', install: 'apt-get install gradle' }],
  go: [{ check: 'go version', what: 'Go', install: 'apt-get install golang-go' }],
  rust: [{ check: 'cargo --version', what: 'cargo', install: 'install Rust (rustup or apt-get install cargo)' }],
};

const cache = new Map<Ecosystem, string | null>();

/** null when the toolchain is present, else why not and how to fix it. */
export function missingToolchain(ecosystem: Ecosystem): string | null {
  if (cache.has(ecosystem)) return cache.get(ecosystem)!;
  let missing: string | null = null;
  for (const n of NEEDS[ecosystem]) {
    const r = spawnSync('bash', ['-c', n.check], { stdio: 'ignore', timeout: 60_000 });
    if (r.status !== 0) { missing = `${n.what} not found (fix: ${n.install})`; break; }
  }
  cache.set(ecosystem, missing);
  return missing;
}
