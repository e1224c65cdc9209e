// The verifier output summarizers against real logs captured from the real tools (test/fixtures/logs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERIFIER_TOOLS, type VerifierTool } from '../../src/scenarios/schema.ts';
import { parsersByTool, summarizeOutput } from '../../src/verifiers/summarize/index.ts';
import { MAX_SUMMARY_CHARS } from '../../src/verifiers/verifier.ts';
import { FIXTURE_EXPECTATIONS } from '../fixtures/logs/expectations.ts';

const LOGS = fileURLToPath(new URL('../fixtures/logs/', import.meta.url));

interface Fixture {
  id: string;
  tool: VerifierTool;
  exitCode: number;
  log: string;
}

function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const tool of readdirSync(LOGS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const file of readdirSync(join(LOGS, tool)).filter((f) => f.endsWith('.log')).sort()) {
      const name = file.slice(0, -'.log'.length);
      out.push({
        id: `${tool}/${name}`,
        tool: tool as VerifierTool,
        exitCode: Number(readFileSync(join(LOGS, tool, `${name}.exit`), 'utf8').trim()),
        log: readFileSync(join(LOGS, tool, file), 'utf8'),
      });
    }
  }
  return out;
}

const fixtures = loadFixtures();

describe('captured fixtures', () => {
  it('cover every verifier tool with a passing and a failing log, each with expectations', () => {
    for (const tool of VERIFIER_TOOLS) {
      const mine = fixtures.filter((f) => f.tool === tool);
      expect(mine.some((f) => f.exitCode === 0), `${tool} passing log`).toBe(true);
      expect(mine.some((f) => f.exitCode !== 0), `${tool} failing log`).toBe(true);
    }
    // The recall corpus (recall.test.ts) labels every log; these expectations pin the layout of the first captures.
    const ids = new Set(fixtures.map((f) => f.id));
    for (const id of Object.keys(FIXTURE_EXPECTATIONS)) expect(ids.has(id), id).toBe(true);
  });

  it.each(fixtures.filter((f) => FIXTURE_EXPECTATIONS[f.id]).map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const expectation = FIXTURE_EXPECTATIONS[f.id];
    const summary = summarizeOutput(f.tool, f.exitCode, f.log);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    if ('pass' in expectation) {
      expect(f.exitCode).toBe(0);
      expect(summary).toBe(expectation.pass);
      return;
    }
    expect(summary.split('\n')[0]).toMatch(new RegExp(`^${f.tool}: failed \\(exit ${f.exitCode}\\b`));
    for (const needle of expectation.contains) expect(summary).toContain(needle);
    // The summary never carries terminal escapes or stack frames from dependencies and runtimes.
    expect(summary).not.toMatch(/\x1b\[|node_modules\/|node:internal|at org\.junit\.|_pytest\//);
    if (expectation.relative) expect(summary).not.toMatch(/\/tmp\//);
  });

  it('give the same summary for colored and plain output of the same run', () => {
    const colored = fixtures.find((f) => f.id === 'vitest/assertion-failures')!;
    const plain = fixtures.find((f) => f.id === 'vitest/assertion-failures-nocolor')!;
    expect(colored.log).toContain('\x1b[');
    expect(summarizeOutput('vitest', 1, colored.log)).toBe(summarizeOutput('vitest', 1, plain.log));
  });

  it('compress failing logs to well under half their size', () => {
    const failing = fixtures.filter((f) => f.exitCode !== 0);
    const raw = failing.reduce((n, f) => n + f.log.length, 0);
    const summarized = failing.reduce((n, f) => n + summarizeOutput(f.tool, f.exitCode, f.log).length, 0);
    expect(summarized / raw).toBeLessThan(0.5);
  });
});

describe('summarizeOutput bounds', () => {
  it('keeps 500 compiler errors within the cap, whole lines only, and counts the rest', () => {
    const log = Array.from({ length: 500 }, (_, i) => `src/mod${i % 7}.ts(${i + 1},5): error TS2322: Type 'string' is not assignable to type 'N${i}'.`).join('\n');
    const summary = summarizeOutput('tsc', 2, log);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    const lines = summary.split('\n');
    expect(lines[0]).toBe('tsc: failed (exit 2; 500 errors)');
    const shown = lines.slice(1, -1);
    for (const l of shown) expect(l).toMatch(/^src\/mod\d\.ts:\d+:5: TS2322: Type 'string' is not assignable to type 'N\d+'\.$/);
    expect(lines.at(-1)).toBe(`… and ${500 - shown.length} more errors`);
    expect(shown[0]).toContain('src/mod0.ts:1:5');
  });

  it('keeps 500 failing tests within the cap and counts the rest', () => {
    const log = ['=================================== FAILURES ==================================='];
    for (let i = 0; i < 500; i++) {
      log.push(`_____ test_case_${i} _____`, '', `    def test_case_${i}():`, `>       assert f(${i}) == ${i + 1}`, `E       assert ${i} == ${i + 1}`, '', `tests/test_many.py:${10 + i * 3}: AssertionError`);
    }
    log.push('======================== 500 failed, 3 passed in 12.34s ========================');
    const summary = summarizeOutput('pytest', 1, log.join('\n'));
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(summary).toContain('tests/test_many.py:10: assert 0 == 1');
    const shown = summary.split('\n').filter((l) => l.startsWith('FAIL ')).length;
    expect(summary.split('\n').at(-1)).toBe(`… and ${500 - shown} more failures`);
  });

  it('reports an error repeated many times once', () => {
    const line = "src/a.ts(3,1): error TS2304: Cannot find name 'foo'.";
    const summary = summarizeOutput('tsc', 2, Array(50).fill(line).join('\n'));
    expect(summary.split('\n')).toEqual(['tsc: failed (exit 2; 1 error)', "src/a.ts:3:1: TS2304: Cannot find name 'foo'."]);
  });

  it('merges one error reported at several places into one entry', () => {
    const log = ['src/a.ts(3,1)', 'src/a.ts(9,2)', 'src/b.ts(1,1)'].map((l) => `${l}: error TS2304: Cannot find name 'foo'.`).join('\n');
    expect(summarizeOutput('tsc', 2, log)).toContain("src/a.ts:3:1, src/a.ts:9:2, src/b.ts:1:1: TS2304: Cannot find name 'foo'.");
  });

  it('keeps module folders when a build reports errors in several modules', () => {
    const log = [
      '[ERROR] COMPILATION ERROR : ',
      '[ERROR] /work/shop/billing/src/main/java/shop/Invoice.java:[4,9] cannot find symbol',
      '[ERROR] /work/shop/catalog/src/main/java/shop/Item.java:[7,1] class, interface, enum, or record expected',
    ].join('\n');
    const summary = summarizeOutput('maven', 1, log);
    expect(summary).toContain('billing/src/main/java/shop/Invoice.java:4:9: cannot find symbol');
    expect(summary).toContain('catalog/src/main/java/shop/Item.java:7:1: class, interface, enum, or record expected');
    expect(summary).not.toContain('/work/shop/');
  });

  it('shortens a single enormous line instead of exceeding the cap', () => {
    const summary = summarizeOutput('go', 1, `main.go:3:1: ${'x'.repeat(20_000)}`);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(summary).toMatch(/main\.go:3:1: x+ …/);
  });
});

describe('summarizeOutput fallbacks', () => {
  it('says a run timed out, with its command and the last output', () => {
    const summary = summarizeOutput('jest', 0, 'PASS src/a.test.js\nRUNS src/slow.test.js\n', { timedOut: true, durationMs: 600_000, command: 'npx jest --ci' });
    expect(summary.split('\n')[0]).toBe('jest: timed out after 10m 0s running `npx jest --ci`; the command was killed');
    expect(summary).toContain('RUNS src/slow.test.js');
  });

  it('shows the last meaningful lines of an unknown format, without colours, progress bars or internal frames', () => {
    const log = [
      '\x1b[32mDownloading [=====>    ] 45%\rDownloading [==========] 100%\x1b[0m',
      '',
      'Something broke while bundling',
      '    at load (node_modules/bundler/index.js:10:3)',
      '    at build (src/build.js:3:4)',
      '',
    ].join('\n');
    const summary = summarizeOutput('jest', 1, log);
    expect(summary.split('\n')).toEqual(['jest: failed (exit 1)', 'Something broke while bundling', '    at build (src/build.js:3:4)']);
  });

  it('keeps the end of a long unknown log within the cap', () => {
    const log = Array.from({ length: 10_000 }, (_, i) => `line ${i} of something unusual`).join('\n');
    const summary = summarizeOutput('cargo', 1, log);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(summary.split('\n').at(-1)).toBe('line 9999 of something unusual');
  });

  it('says so when a failing command printed nothing', () => {
    expect(summarizeOutput('pytest', 3, '')).toBe('pytest: failed (exit 3)\n(no output)');
  });

  it('prefers the measured duration over the one in the log for passing runs', () => {
    const log = fixtures.find((f) => f.id === 'pytest/pass')!.log;
    expect(summarizeOutput('pytest', 0, log, { durationMs: 3100 })).toBe('pytest: passed (2 tests, 3.1s)');
  });
});

describe('parsersByTool', () => {
  it('has one parser per verifier tool, registered under its own name', () => {
    expect(Object.keys(parsersByTool).sort()).toEqual([...VERIFIER_TOOLS].sort());
    for (const tool of VERIFIER_TOOLS) expect(parsersByTool[tool].tool).toBe(tool);
  });

  it('returns structured findings', () => {
    const parsed = parsersByTool.vitest.parse(fixtures.find((f) => f.id === 'vitest/assertion-failures-nocolor')!.log);
    expect(parsed.findings[0]).toMatchObject({ file: 'src/cart.test.ts', line: 11, column: 26, expected: '25', actual: '15', test: 'src/cart.test.ts > cart > totals price times quantity' });
    expect(parsed.counts).toMatchObject({ failed: 3, passed: 2, tests: 5 });
  });
});
