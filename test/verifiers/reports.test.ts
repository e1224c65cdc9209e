// Reading the JUnit XML a failing Maven/Gradle run wrote, from the agent-controlled workspace: only this run's
// reports, only regular files inside the workspace, size-capped; a fake sandbox for the rules, a real one for links.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalSandboxFactory } from '../../src/sandbox/local.ts';
import { allowlistEnv, type ExecResult, type Sandbox } from '../../src/sandbox/sandbox.ts';
import { readTestReports, runVerifier } from '../../src/verifiers/run.ts';
import { junitFailures } from '../../src/verifiers/summarize/junit-xml.ts';
import type { Verifier } from '../../src/verifiers/verifier.ts';
import { loadCorpus } from '../fixtures/logs/corpus.ts';

const gradle = loadCorpus().find((c) => c.id === 'gradle/junit4-values-in-reports-only')!;
const xml = gradle.reports[0].text;

function result(stdout: string, exitCode = 0): ExecResult {
  return { exitCode, stdout, stderr: '', output: stdout, timedOut: false, truncated: false, durationMs: 5 };
}

/** A sandbox whose `find` lists `listed` and whose files are `files`; records what was run and read. */
function fakeSandbox(listed: string[], files: Record<string, string | Buffer>, log = gradle.log, exitCode = 1) {
  const execs: string[] = [];
  const reads: string[] = [];
  const sandbox: Sandbox = {
    kind: 'local',
    isolation: 'fake',
    workdir: '/w',
    async exec(command) {
      execs.push(command);
      return command.startsWith('find ') ? result(listed.join('\n')) : result(log, exitCode);
    },
    async readFile(p) {
      reads.push(p);
      const f = files[p];
      if (f === undefined) throw new Error(`ENOENT ${p}`);
      return Buffer.isBuffer(f) ? f : Buffer.from(f);
    },
    async writeFile() { throw new Error('read only'); },
    async dispose() {},
  };
  return { sandbox, execs, reads };
}

const verifier: Verifier = { name: 'tests', tool: 'gradle', command: 'gradle -q test', timeoutMs: 60_000, reason: 'build.gradle' };

describe('readTestReports', () => {
  it('lists only regular TEST-*.xml files written since the run started, below the size cap', async () => {
    const { sandbox, execs } = fakeSandbox([], {});
    await readTestReports(sandbox, 'gradle', 1_700_000_000_500);
    expect(execs[0]).toMatch(/^find \. .*-type f -name 'TEST-\*\.xml' .*'\*\/build\/test-results\/\*'.* -size -513k -newermt @1699999999 /);
    expect(await readTestReports(sandbox, 'pytest', 0)).toEqual([]);
    expect(execs).toHaveLength(1); // tools without JUnit XML cost no extra command
  });

  it('skips paths that leave the workspace, files over the cap and files it cannot read', async () => {
    const big = Buffer.alloc(600 * 1024, 'x');
    const { sandbox, reads } = fakeSandbox(
      ['./build/test-results/test/TEST-a.xml', '../outside/TEST-b.xml', '/etc/TEST-c.xml', './build/test-results/test/TEST-big.xml', './build/test-results/test/TEST-gone.xml'],
      { 'build/test-results/test/TEST-a.xml': xml, 'build/test-results/test/TEST-big.xml': big },
    );
    const reports = await readTestReports(sandbox, 'gradle', Date.now());
    expect(reports.map((r) => r.path)).toEqual(['build/test-results/test/TEST-a.xml']);
    expect(reads).not.toContain('../outside/TEST-b.xml');
    expect(reads.some((r) => r.startsWith('/'))).toBe(false);
  });

  it('gives the summary the values only the report has (gradle -q prints no test names)', async () => {
    const { sandbox } = fakeSandbox(['./build/test-results/test/TEST-com.example.geo.DistanceTest.xml'], { 'build/test-results/test/TEST-com.example.geo.DistanceTest.xml': xml });
    const r = await runVerifier(sandbox, verifier);
    expect(r.passed).toBe(false);
    expect(r.summary).toContain('expected: 16.09344');
    expect(r.summary).toContain('triggered by com/example/geo/DistanceTest.java:20');
  });

  it('reads nothing after a passing run', async () => {
    const { sandbox, execs } = fakeSandbox(['./build/test-results/test/TEST-a.xml'], { 'build/test-results/test/TEST-a.xml': xml }, 'BUILD SUCCESSFUL in 3s', 0);
    const r = await runVerifier(sandbox, verifier);
    expect(r.summary).toBe('gradle: passed (5ms)');
    expect(execs).toEqual(['gradle -q test']);
  });

  describe('in a real local sandbox', () => {
    let ws: string | undefined;
    afterEach(() => { if (ws) fs.rmSync(ws, { recursive: true, force: true }); });

    it('does not follow a report symlinked to a file outside the workspace', async () => {
      ws = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-reports-'));
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-outside-'));
      fs.writeFileSync(path.join(outside, 'secret.xml'), '<testcase name="leak" classname="x"><failure message="SECRET"/></testcase>');
      const dir = path.join(ws, 'target', 'surefire-reports');
      fs.mkdirSync(dir, { recursive: true });
      fs.symlinkSync(path.join(outside, 'secret.xml'), path.join(dir, 'TEST-leak.xml'));
      fs.writeFileSync(path.join(dir, 'TEST-real.xml'), xml);
      const sb = await new LocalSandboxFactory({ log: () => {} }).create({ workspace: ws, readOnlyPaths: [], env: allowlistEnv(process.env), labels: {} });
      try {
        const reports = await readTestReports(sb, 'maven', Date.now() - 5000);
        expect(reports.map((r) => r.path)).toEqual(['target/surefire-reports/TEST-real.xml']);
      } finally {
        await sb.dispose();
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });
});

describe('junitFailures', () => {
  it('decodes the XML entities and CDATA a report uses, and nothing more', () => {
    const f = junitFailures([{ path: 'r.xml', text: '<testcase name="t" classname="a.B"><failure message="x &lt; y &amp;&#65;" type="java.lang.AssertionError"><![CDATA[boom &amp;\n\tat a.B.t(B.java:3)]]></failure></testcase>' }]);
    expect(f).toEqual([{ className: 'a.B', name: 't', kind: 'failure', type: 'java.lang.AssertionError', message: 'x < y &A', stack: 'boom &\n\tat a.B.t(B.java:3)' }]);
  });

  it('ignores passing and skipped cases and caps how many it reads', () => {
    const many = Array.from({ length: 500 }, (_, i) => `<testcase name="t${i}" classname="C"><error message="e${i}"/></testcase>`).join('');
    expect(junitFailures([{ path: 'r.xml', text: `<testcase name="ok" classname="C"/><testcase name="s" classname="C"><skipped/></testcase>${many}` }])).toHaveLength(200);
  });
});

describe('junitFailures on hostile input', () => {
  it('stays linear on half a megabyte of unclosed tags', () => {
    for (const text of ['<testcase name="a" classname="C"><failure message="m">'.repeat(10_000), `<testcase name="a" classname="C">${'<failure a="1">'.repeat(35_000)}`]) {
      const t0 = performance.now();
      const f = junitFailures([{ path: 'r.xml', text }]);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(f.length).toBeGreaterThan(0);
    }
  });
});
