// The facts issue 19 found missing from real summaries, each on a real log of the corpus. Every test here failed on
// the summarizer before the issue was fixed (commit 6d5d324).
import { describe, expect, it } from 'vitest';
import { summarizeOutput } from '../../src/verifiers/summarize/index.ts';
import { loadCorpus } from '../fixtures/logs/corpus.ts';

const corpus = new Map(loadCorpus().map((c) => [c.id, c]));
function summaryOf(id: string, withReports = true): string {
  const c = corpus.get(id);
  if (!c) throw new Error(`no log ${id}`);
  return summarizeOutput(c.tool, c.exitCode, c.log, { reports: withReports ? c.reports : [] });
}

describe('issue 19: facts the summaries used to drop', () => {
  it('rustc E0308 keeps the primary label behind a secondary span: expected u32, found f64', () => {
    for (const id of ['cargo/e0308-mismatched-types', 'cargo/e0308-mismatched-types-test']) {
      const s = summaryOf(id);
      expect(s).toContain('src/lib.rs:6:22: error[E0308]: mismatched types');
      expect(s).toContain('expected `u32`, found `f64`');
    }
  });

  it('npm ci with a lock file out of sync keeps the Missing: … from lock file lines', () => {
    for (const id of ['npm/ci-lock-out-of-sync', 'npm/ci-lock-out-of-sync-npm10']) {
      const s = summaryOf(id);
      expect(s).toContain('Missing: left-pad@1.3.0 from lock file');
      expect(s).toContain('Missing: prettier@3.3.3 from lock file');
      expect(s).not.toContain('--install-strategy'); // the usage text stays out
    }
  });

  it('npm ERESOLVE keeps the conflicting peer and the suggested fix', () => {
    for (const id of ['npm/install-eresolve', 'npm/install-eresolve-npm10']) {
      const s = summaryOf(id);
      expect(s).toContain('Found: react@17.0.2');
      expect(s).toContain('peer react@"^18.3.1" from react-dom@18.3.1');
      expect(s).toMatch(/--force or --legacy-peer-deps/);
      expect(s).not.toContain('eresolve-report.txt');
    }
  });

  it('Gradle test failures keep expected/actual from the JUnit XML when the console has none', () => {
    const s = summaryOf('gradle/junit4-values-in-reports-only');
    expect(s).toContain('FAIL DistanceTest > tenMilesInKilometres');
    expect(s).toMatch(/com\/example\/geo\/DistanceTest\.java:10: .*\n\s+expected: 16\.09344\n\s+actual: {3}16\.0/);
    expect(s).toContain('com/example/geo/Distance.java:16: NullPointerException');
    expect(s).toContain('triggered by com/example/geo/DistanceTest.java:20');
    // The console of this run (gradle -q) names no test at all: without the reports there is nothing to show.
    expect(summaryOf('gradle/junit4-values-in-reports-only', false)).not.toContain('16.09344');
  });

  it('Gradle short-format failures (`AssertionError at DistanceTest.java:10`) get the message from the report', () => {
    const s = summaryOf('gradle/junit4-test-failures-info');
    expect(s).toContain('expected: 16.09344');
    expect(s).not.toMatch(/: AssertionError$/m);
  });

  it('Maven test errors keep the code-under-test line from the report when the console has only the digest', () => {
    const s = summaryOf('maven/junit5-values-in-reports-only');
    expect(s.split('\n')[0]).toBe('maven: failed (exit 1; 2 failed, 2 passed)'); // totals from the reports too
    expect(s).toContain('com/example/geo/Distance.java:16: NullPointer');
    expect(s).toContain('triggered by com/example/geo/DistanceTest.java:20');
    expect(s).toMatch(/expected: 16\.09344\n\s+actual: {3}16\.0/);
  });

  it('Go test panic keeps the test file line from the goroutine stack', () => {
    for (const id of ['go/test-panic', 'go/test-panic-verbose']) {
      const s = summaryOf(id);
      expect(s).toMatch(/ledger\/ledger\.go:13: panic: runtime error: index out of range \[-1\]/);
      expect(s).toMatch(/triggered by \S*ledger\/ledger_test\.go:14/);
    }
  });

  it("unittest keeps the test file's own frame when the error is raised in the code under test", () => {
    for (const id of ['unittest/error-in-code-under-test', 'unittest/error-in-code-under-test-verbose']) {
      const s = summaryOf(id);
      expect(s).toContain("stock/levels.py:9: KeyError: 'Z-999'");
      expect(s).toMatch(/triggered by \S*tests\/test_stock\.py:24/);
    }
  });
});
