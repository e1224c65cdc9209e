// Which files of a commit are tests (held back as hidden checks) and which are source (the golden patch), per
// ecosystem, with the user's override. Pure.
import picomatch from 'picomatch';
import type { Ecosystem } from '../scenarios/schema.ts';
import { DEFAULT_TEST_GLOBS } from '../scenarios/schema.ts';

/**
 * Test globs per ecosystem, on top of the scenario defaults. Small npm packages often keep their tests in a root
 * `test.js` (the defaults only know folders and `*.test.*`), Python keeps fixtures in conftest.py, Go in testdata/.
 */
const EXTRA_TEST_GLOBS: Record<Ecosystem, string[]> = {
  node: ['test.js', 'test.mjs', 'test.cjs', 'test.ts', 'test-*.js', '**/fixtures/**'],
  python: ['conftest.py', '**/conftest.py'],
  go: ['**/testdata/**'],
  rust: ['tests/**', 'benches/**'],
  'java-maven': ['**/src/test/**'],
  'java-gradle': ['**/src/test/**'],
};

export function testGlobsFor(ecosystem: Ecosystem): string[] {
  return [...new Set([...DEFAULT_TEST_GLOBS, ...EXTRA_TEST_GLOBS[ecosystem]])];
}

export interface SplitRules {
  /** Globs of test files; replaces the ecosystem's defaults when given. */
  tests: string[];
  /** Globs that are always source, even when a test glob matches (e.g. `src/testing/**` helpers shipped to users). */
  source: string[];
}

export function splitRules(ecosystem: Ecosystem, override: { tests?: string[]; source?: string[] } = {}): SplitRules {
  return { tests: override.tests?.length ? override.tests : testGlobsFor(ecosystem), source: override.source ?? [] };
}

export function isTestPath(p: string, rules: SplitRules): boolean {
  const opts = { dot: true };
  if (rules.source.length && picomatch(rules.source, opts)(p)) return false;
  return picomatch(rules.tests, opts)(p);
}

export function splitPaths(paths: string[], rules: SplitRules): { tests: string[]; source: string[] } {
  const tests = paths.filter((p) => isTestPath(p, rules));
  return { tests, source: paths.filter((p) => !tests.includes(p)) };
}
