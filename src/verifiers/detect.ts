// Which verifiers activate for a workspace, decided by marker files (or the scenario's `verify:` override).
// A verifier runs only a tool that is already installed: the sandbox has no network, so a command that would fetch
// its tool (`npx tsc` without TypeScript installed reaches for the registry, 72 s per call, then fails) is never
// chosen; the verifier is skipped instead, with the reason, and `detectVerifierPlan` reports it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VerifierTool, VerifyStep } from '../scenarios/schema.ts';
import type { Verifier } from './verifier.ts';

const MINUTE = 60_000;

/** Which test runner an npm test script uses, so its output gets the right summarizer. */
export function toolOfTestScript(script: string): VerifierTool {
  if (/\bvitest\b/.test(script)) return 'vitest';
  if (/\bjest\b/.test(script)) return 'jest';
  if (/\bnode\b[^&|;]*--test\b/.test(script)) return 'node-test';
  return 'npm';
}

function exists(dir: string, ...names: string[]): string | undefined {
  return names.find((n) => fs.existsSync(path.join(dir, n)));
}

/** A verifier its marker files asked for but that cannot run here, and why (shown by `verifiers list`). */
export interface SkippedVerifier { name: string; reason: string }

export interface VerifierPlan { verifiers: Verifier[]; skipped: SkippedVerifier[] }

interface PackageJson { scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }

function nodeVerifiers(dir: string, skipped: SkippedVerifier[]): Verifier[] {
  const out: Verifier[] = [];
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  if (exists(dir, 'tsconfig.json')) {
    // Only the package's own TypeScript: a tsconfig.json without it (editor settings, a JS package) is no build step.
    if (fs.existsSync(path.join(dir, 'node_modules', '.bin', 'tsc'))) {
      out.push({ name: 'tsc', tool: 'tsc', command: './node_modules/.bin/tsc --noEmit -p .', timeoutMs: 10 * MINUTE, reason: 'tsconfig.json' });
    } else {
      const declared = Boolean(pkg.dependencies?.typescript ?? pkg.devDependencies?.typescript);
      skipped.push({ name: 'tsc', reason: declared
        ? 'tsconfig.json, but typescript is not installed (node_modules/.bin/tsc missing: install the dependencies first)'
        : 'tsconfig.json, but the package does not depend on typescript (no node_modules/.bin/tsc); the sandbox has no network to fetch it' });
    }
  }
  if (exists(dir, '.eslintrc.json', '.eslintrc.js', '.eslintrc.cjs', 'eslint.config.js', 'eslint.config.mjs') && pkg.scripts?.lint) {
    out.push({ name: 'eslint', tool: 'eslint', command: 'npm run -s lint', timeoutMs: 10 * MINUTE, reason: 'eslint config + lint script' });
  }
  const test = pkg.scripts?.test;
  if (test && !/no test specified/.test(test)) {
    const tool = toolOfTestScript(test);
    out.push({ name: tool === 'npm' ? 'npm-test' : tool, tool, command: 'npm test', timeoutMs: 15 * MINUTE, reason: `package.json scripts.test (${test})` });
  }
  return out;
}

/** Is `cmd` an executable on PATH? (No process is started: detection must stay cheap and side-effect free.) */
export function onPath(cmd: string, envPath = process.env.PATH ?? ''): boolean {
  return envPath.split(path.delimiter).some((d) => {
    if (!d) return false;
    try { fs.accessSync(path.join(d, cmd), fs.constants.X_OK); return true; } catch { return false; }
  });
}

/**
 * The Gradle command for a build. `./gradlew` downloads its distribution unless it is already unpacked under
 * ~/.gradle/wrapper/dists (`--offline` does not stop that): then a `gradle` on PATH is used instead. With neither,
 * the wrapper stays and fails, an error rather than a skip, because skipping the only test step would pass CI.
 */
function gradleCommand(dir: string): string {
  const props = path.join(dir, 'gradle', 'wrapper', 'gradle-wrapper.properties');
  if (!exists(dir, 'gradlew')) return 'gradle --offline -q test';
  if (fs.existsSync(props)) {
    const url = /^\s*distributionUrl\s*=\s*(.+)$/m.exec(fs.readFileSync(props, 'utf8'))?.[1]?.trim();
    const dist = url ? path.basename(url.replace(/\\:/g, ':')).replace(/\.zip$/, '') : '';
    const home = process.env.GRADLE_USER_HOME ?? path.join(os.homedir(), '.gradle');
    if (!(dist && fs.existsSync(path.join(home, 'wrapper', 'dists', dist))) && onPath('gradle')) return 'gradle --offline -q test';
  }
  return './gradlew --offline -q test';
}

/** Auto-detected verifiers for the workspace at `dir`, in the order they run. */
export function detectVerifiers(dir: string, override?: VerifyStep[]): Verifier[] {
  return detectVerifierPlan(dir, override).verifiers;
}

/** The verifiers that run, and those the marker files asked for that cannot run here (with the reason). */
export function detectVerifierPlan(dir: string, override?: VerifyStep[]): VerifierPlan {
  if (override?.length) {
    return { verifiers: override.map((v) => ({ name: v.name, tool: v.tool, command: v.command, timeoutMs: v.timeoutSeconds * 1000, reason: 'scenario.yaml verify:' })), skipped: [] };
  }
  const out: Verifier[] = [];
  const skipped: SkippedVerifier[] = [];
  if (exists(dir, 'package.json')) out.push(...nodeVerifiers(dir, skipped));
  // A bare tests/ folder is a Python marker only when it holds Python files (Rust keeps integration tests there too).
  const py = exists(dir, 'pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini')
    ?? (fs.existsSync(path.join(dir, 'tests')) && fs.readdirSync(path.join(dir, 'tests')).some((f) => f.endsWith('.py')) ? 'tests/*.py' : undefined);
  if (py) out.push({ name: 'pytest', tool: 'pytest', command: 'python3 -m pytest -q -p no:cacheprovider', timeoutMs: 15 * MINUTE, reason: py });
  if (exists(dir, 'pom.xml')) out.push({ name: 'maven', tool: 'maven', command: 'mvn -o -q -B test', timeoutMs: 20 * MINUTE, reason: 'pom.xml' });
  const gradle = exists(dir, 'build.gradle', 'build.gradle.kts');
  if (gradle) out.push({ name: 'gradle', tool: 'gradle', command: gradleCommand(dir), timeoutMs: 20 * MINUTE, reason: gradle });
  if (exists(dir, 'go.mod')) out.push({ name: 'go', tool: 'go', command: 'go vet ./... && go test ./...', timeoutMs: 15 * MINUTE, reason: 'go.mod' });
  if (exists(dir, 'Cargo.toml')) out.push({ name: 'cargo', tool: 'cargo', command: 'cargo test --offline -q', timeoutMs: 20 * MINUTE, reason: 'Cargo.toml' });
  return { verifiers: out, skipped };
}

/**
 * Environment every verifier and hidden check runs with: deterministic, colourless, offline. `goCache` shares Go's
 * build cache across runs (it is safe for concurrent use); without it each workspace compiles the standard packages
 * it uses from scratch.
 */
export function verifierEnv(workspace: string, goCache?: string): Record<string, string> {
  const scratch = path.join(workspace, '.fleetbench');
  return {
    CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', TERM: 'dumb', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1',
    GOFLAGS: '-mod=readonly', GOPROXY: 'off', GOCACHE: goCache ?? path.join(scratch, 'go-cache'), GOPATH: path.join(scratch, 'gopath'),
    GOTOOLCHAIN: 'local', CARGO_TERM_COLOR: 'never', CARGO_NET_OFFLINE: 'true', MAVEN_OPTS: '-Djava.awt.headless=true',
    npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false',
  };
}
