// Acceptance of the walking skeleton, through the real CLI on the bundled scenarios: golden → success,
// noop → no_pr, every variant → its declared outcome; then the reports and the exit codes.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { loadAllScenarios } from '../../src/scenarios/load.ts';
import { missingRequirements } from '../../src/scenarios/toolchain.ts';
import { RunResultSchema, type RunResult } from '../../src/pipeline/result.ts';

/** One scenario per ecosystem of the skeleton: the first node, python and java-maven ones. */
const all = loadAllScenarios();
const picked = (['node', 'python', 'java-maven'] as const)
  .map((e) => all.find((s) => s.ecosystem === e))
  .filter((s): s is NonNullable<typeof s> => Boolean(s) && !missingRequirements(s!));

let out: string;
let results: RunResult[];
let stdout: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-'));
  // Variant names differ per scenario, so run each scenario with its own variants.
  let first = true;
  for (const s of picked) {
    const agents = ['replay:golden', 'noop', ...s.variants.map((v) => `replay:${v.name}`)].join(',');
    const dir = path.join(out, s.id);
    const r = await runCli(['run', '--scenarios', s.id, '--agents', agents, '--out', dir, '--concurrency', '2']);
    expect(r.code, r.stderr).toBe(0);
    if (first) { stdout = r.stdout; first = false; }
  }
  results = picked.flatMap((s) => fs.readFileSync(path.join(out, s.id, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => RunResultSchema.parse(JSON.parse(l))));
}, 1_500_000);

describe('fleetbench run on the bundled scenarios', () => {
  it('covers node, python and java', () => {
    expect(picked.map((s) => s.ecosystem)).toEqual(['node', 'python', 'java-maven']);
  });

  it('grades golden → success, noop → no_pr, every variant → its declared outcome', () => {
    for (const s of picked) {
      const of = (agent: string) => results.find((r) => r.scenario === s.id && r.agent === agent);
      expect(of('replay:golden')?.outcome, `${s.id} golden: ${of('replay:golden')?.reason}`).toBe('success');
      expect(of('noop')?.outcome).toBe('no_pr');
      for (const v of s.variants) {
        const r = of(`replay:${v.name}`);
        expect(r?.outcome, `${s.id} ${v.name}: ${r?.reason}`).toBe(v.outcome);
      }
    }
  });

  it('records gates, judge verdicts and flags', () => {
    const golden = results.find((r) => r.agent === 'replay:golden')!;
    expect(golden).toMatchObject({ submitted: true, ciPassed: true, hiddenPassed: true, scopePassed: true, judge: 'heuristic', vetoes: 0, stopHookBlocks: 0, error: null });
    expect(golden.judgeVerdicts).toEqual([expect.objectContaining({ verdict: 'approve' })]);
    const outOfScope = results.find((r) => r.outcome === 'out_of_scope')!;
    expect(outOfScope.vetoes).toBe(1);
    expect(outOfScope.judgeVerdicts[0].reason).toMatch(/\[(outside-allow|forbidden|test-disabled|test-deleted|assertions-weakened)\]/);
    const broken = results.find((r) => r.outcome === 'ci_fail')!;
    expect(broken.stopHookBlocks).toBe(1);
    expect(broken.ci.some((c) => !c.passed && c.summary.length > 0 && c.summary.length <= 1500)).toBe(true);
    expect(results.filter((r) => r.outcome === 'error')).toEqual([]);
  });

  it('writes a transcript per run and the minimal report', () => {
    const s = picked[0];
    const dir = path.join(out, s.id);
    for (const r of results.filter((x) => x.scenario === s.id)) {
      const events = fs.readFileSync(path.join(dir, r.transcript!), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(events[0].type).toBe('start');
      expect(events.at(-1).type).toBe('result');
    }
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    const golden = summary.variants.find((v: { agent: string }) => v.agent === 'replay:golden');
    expect(golden.outcomes.success).toBe(1);
    expect(golden.successRate.low).toBeGreaterThan(0);
    const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/\| replay:golden \| heuristic \| 1 \| 100% \[\d+%–100%\]/);
    expect(stdout).toMatch(/report: .*report\.md/);
  });
});
