// The report's numbers against a hand-computed fixture, and every file it writes read back.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { writeReport } from '../../src/report/report.ts';
import type { ReportSummary, VariantReport } from '../../src/report/collect.ts';
import { matrixCell } from '../../src/report/markdown.ts';
import { handFixture, HAND_AGENT, tmpDir, writeRunDir } from './fixtures.ts';

const A = HAND_AGENT, B = 'noop';

let dir: string;
let summary: ReportSummary;
let a: VariantReport, b: VariantReport;

beforeAll(async () => {
  dir = writeRunDir(tmpDir('report'), handFixture(), { extra: '{"scenario":"s9","ag' });
  summary = await writeReport(dir);
  a = summary.variants.find((v) => v.agent === A)!;
  b = summary.variants.find((v) => v.agent === B)!;
});

describe('report numbers (hand-computed)', () => {
  it('counts runs, errors, bad and superseded lines', () => {
    expect(summary).toMatchObject({ runs: 21, errors: 1, scenarios: 6, epochs: 2, badLines: 1, supersededLines: 1 });
    expect(summary.variants.map((v) => v.id)).toEqual([`${A} · heuristic`, `${B} · heuristic`]);
  });

  it('gives outcomes and the success rate with its Wilson interval, errors apart', () => {
    expect(a.n).toBe(10);
    expect(a.errors).toBe(1);
    expect(a.outcomes).toEqual({ success: 6, no_pr: 1, ci_fail: 1, incorrect: 1, out_of_scope: 1 });
    expect(a.successRate.rate).toBe(0.6);
    expect(a.successRate.low).toBeCloseTo(0.31267376973365824, 12);
    expect(a.successRate.high).toBeCloseTo(0.8318196702937638, 12);
    expect(a.errorRate.rate).toBeCloseTo(1 / 11, 12);
    expect(a.errorRate.low).toBeCloseTo(0.016232172885884855, 12);
  });

  it('gives gate, judge and course-correction rates', () => {
    expect(a.ciPassRate.rate).toBe(0.9); // 10 diffs, one ci_fail
    expect(a.ciPassRate.low).toBeCloseTo(0.5958499732047615, 12);
    expect(a.hiddenPassRate.rate).toBeCloseTo(8 / 9, 12); // ci_fail has no hidden result
    expect(a.hiddenPassRate.low).toBeCloseTo(0.5650002944233439, 12);
    expect(a.scopeAdherence.rate).toBe(0.9);
    expect(a.vetoRate.rate).toBe(0.2);
    expect(a.vetoRate.high).toBeCloseTo(0.5098375284633583, 12);
    expect(a.courseCorrectionRate.rate).toBe(0);
    expect(a.courseCorrectionRate.high).toBeCloseTo(0.6576197724933469, 12);
    expect(a.judgeConfusion).toEqual({ tp: 1, fp: 1, fn: 0, tn: 6 });
    expect(a.judgeFpr.rate).toBeCloseTo(1 / 7, 12);
    expect(a.judgeFpr.low).toBeCloseTo(0.02567962434474355, 12);
    expect(a.judgeFnr.rate).toBe(0);
  });

  it('gives effort and cost', () => {
    expect(a.meanTurns).toBeCloseTo(3.8, 12);
    expect(a.meanTokens).toBe(100);
    expect(a.costUsd).toBeCloseTo(0.8, 12);
    expect(a.costPerRun).toBeCloseTo(0.08, 12);
    expect(a.costPerSuccess).toBeCloseTo(0.8 / 6, 12);
    expect(a.meanWallMs).toBeCloseTo(1200, 9);
    expect(b.costPerSuccess).toBeNull();
  });

  it('gives pass@k and pass^k over scenarios', () => {
    // c/n per scenario: 2/2, 1/2, 0/2, 1/2, 2/2 (s6 has no graded epoch)
    expect(a.passK.map((p) => [p.k, p.scenarios, p.passAtK.estimate, p.passHatK.estimate])).toEqual([[1, 5, 0.6, 0.6], [2, 5, 0.8, 0.4]]);
    expect(a.passK[1].passAtK.low).toBeLessThanOrEqual(0.8);
    expect(a.passK[1].passAtK.high).toBeGreaterThanOrEqual(0.8);
    expect(b.passK.map((p) => p.passAtK.estimate)).toEqual([0, 0]);
  });

  it('builds the scenario × variant matrix', () => {
    expect(summary.matrix.s2[`${A} · heuristic`]).toEqual(['success', 'no_pr']);
    expect(summary.matrix.s6[`${A} · heuristic`]).toEqual(['error']);
    expect(matrixCell(['success', 'no_pr'])).toBe('success×1 no_pr×1');
    expect(matrixCell(['success', 'success'])).toBe('success×2');
    expect(matrixCell(['ci_fail'])).toBe('ci_fail');
  });
});

describe('report files', () => {
  it('report.md prints every rate with its interval', () => {
    const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain(`| ${A} | heuristic | 10 | 60% [31%–83%] |`);
    expect(md).toContain('| 2 | 5 | 80%'); // pass@2 row
    expect(md).toMatch(/1 \(9% \[2%–38%\] of attempts\)/);
    expect(md).toContain('## Harness errors');
    expect(md).toContain('| s2 | success×1 no_pr×1 | no_pr×2 |');
    // No percentage anywhere without an interval right after it (all variants here have < 30 runs).
    const bare = md.replace(/\d+% \[\d+%–\d+%\]/g, '').replace(/95% intervals?/g, '').match(/\d+%/g);
    expect(bare).toBeNull();
  });

  it('summary.json is valid JSON with the variants', () => {
    const s = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    expect(s.variants).toHaveLength(2);
    expect(s.variants[0].outcomes.success).toBe(6);
  });

  it('results.csv has a header and one row per run key', () => {
    const lines = fs.readFileSync(path.join(dir, 'results.csv'), 'utf8').trim().split('\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['scenario', 'agent', 'judge', 'epoch', 'outcome']);
    expect(lines).toHaveLength(1 + 21);
    expect(lines.find((l) => l.startsWith('s2,builtin:base@m,heuristic,2,'))).toContain(',no_pr,success,false,');
  });

  it('junit.xml parses back: one testcase per run, failures for non-success, errors for harness errors', () => {
    const xml = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    const j = parseJunit(xml);
    expect(j.suites.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([[`${A} · heuristic`, 11, 4, 1], [`${B} · heuristic`, 10, 10, 0]]);
    expect(j.cases).toHaveLength(21);
    expect(j.cases.filter((c) => c.failure)).toHaveLength(14);
    const fp = j.cases.find((c) => c.classname === `${A} · heuristic` && c.name === 's2 #2')!;
    expect(fp.failure).toMatchObject({ type: 'no_pr', message: 'no_pr: judge vetoed until the turn limit' });
    expect(j.cases.find((c) => c.name === 's6 #1')!.error).toMatchObject({ type: 'error' });
    expect(j.cases.find((c) => c.name === 's1 #1' && c.classname.startsWith(A))).toMatchObject({ failure: null, error: null, time: 3 });
    expect(j.totals).toEqual({ tests: 21, failures: 14, errors: 1 });
  });
});

interface JCase { classname: string; name: string; time: number; failure: { type: string; message: string } | null; error: { type: string; message: string } | null }

/** A tiny JUnit reader: enough XML to check structure and counts (attributes unescaped). */
function parseJunit(xml: string) {
  const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], unesc(m[2])]));
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  const top = attrs(/<testsuites [^>]*>/.exec(xml)![0]);
  const suites = [...xml.matchAll(/<testsuite ([^>]*)>([\s\S]*?)<\/testsuite>/g)].map((m): Record<string, string> => ({ ...attrs(m[1]), body: m[2] }));
  const cases: JCase[] = [];
  for (const s of suites) {
    for (const m of s.body.matchAll(/<testcase ([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
      const a = attrs(m[1]);
      const child = (tag: string) => { const c = new RegExp(`<${tag} ([^>]*)>`).exec(m[3] ?? ''); return c ? attrs(c[1]) as { type: string; message: string } : null; };
      cases.push({ classname: a.classname, name: a.name, time: Number(a.time), failure: child('failure'), error: child('error') });
    }
    expect(cases.filter((c) => c.classname === s.name)).toHaveLength(Number(s.tests));
  }
  return {
    totals: { tests: Number(top.tests), failures: Number(top.failures), errors: Number(top.errors) },
    suites: suites.map((s) => ({ name: s.name, tests: Number(s.tests), failures: Number(s.failures), errors: Number(s.errors) })),
    cases,
  };
}
