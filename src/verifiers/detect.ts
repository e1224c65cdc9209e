// Which verifiers activate for a workspace, decided by marker files (or the scenario's `verify:` override).
import fs from 'node:fs';
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

function nodeVerifiers(dir: string): Verifier[] {
  const out: Verifier[] = [];
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (exists(dir, 'tsconfig.json')) {
    const local = fs.existsSync(path.join(dir, 'node_modules', '.bin', 'tsc'));
    out.push({ name: 'tsc', tool: 'tsc', command: local ? './node_modules/.bin/tsc --noEmit -p .' : 'npx --no-install tsc --noEmit -p .', timeoutMs: 10 * MINUTE, reason: 'tsconfig.json' });
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

/** Auto-detected verifiers for the workspace at `dir`, in the order they run. */
export function detectVerifiers(dir: string, override?: VerifyStep[]): Verifier[] {
  if (override?.length) {
    return override.map((v) => ({ name: v.name, tool: v.tool, command: v.command, timeoutMs: v.timeoutSeconds * 1000, reason: 'scenario.yaml verify:' }));
  }
  const out: Verifier[] = [];
  if (exists(dir, 'package.json')) out.push(...nodeVerifiers(dir));
  // A bare tests/ folder is a Python marker only when it holds Python files (Rust keeps integration tests there too).
  const py = exists(dir, 'pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini')
    ?? (fs.existsSync(path.join(dir, 'tests')) && fs.readdirSync(path.join(dir, 'tests')).some((f) => f.endsWith('.py')) ? 'tests/*.py' : undefined);
  if (py) out.push({ name: 'pytest', tool: 'pytest', command: 'python3 -m pytest -q -p no:cacheprovider', timeoutMs: 15 * MINUTE, reason: py });
  if (exists(dir, 'pom.xml')) out.push({ name: 'maven', tool: 'maven', command: 'mvn -o -q -B test', timeoutMs: 20 * MINUTE, reason: 'pom.xml' });
  const gradle = exists(dir, 'build.gradle', 'build.gradle.kts');
  if (gradle) out.push({ name: 'gradle', tool: 'gradle', command: exists(dir, 'gradlew') ? './gradlew --offline -q test' : 'gradle --offline -q test', timeoutMs: 20 * MINUTE, reason: gradle });
  if (exists(dir, 'go.mod')) out.push({ name: 'go', tool: 'go', command: 'go vet ./... && go test ./...', timeoutMs: 15 * MINUTE, reason: 'go.mod' });
  if (exists(dir, 'Cargo.toml')) out.push({ name: 'cargo', tool: 'cargo', command: 'cargo test --offline -q', timeoutMs: 20 * MINUTE, reason: 'Cargo.toml' });
  return out;
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
