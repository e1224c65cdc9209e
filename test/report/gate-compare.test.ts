// `fleetbench gate` and `fleetbench compare` through the real CLI on hand-built results directories.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { compareDirs } from '../../src/report/compare.ts';
import { result, tmpDir, writeRunDir } from './fixtures.ts';
import type { RunResult } from '../../src/pipeline/result.ts';

/** 10 scenarios × 1 epoch of one agent; `lost` of them (the first ones) fail with no_pr. */
function runOf(agent: string, lost: number, cost = 0.1): RunResult[] {
  return Array.from({ length: 10 }, (_, i) => result({ scenario: `s${i}`, agent, epoch: 1, outcome: i < lost ? 'no_pr' : 'success', costUsd: cost }));
}

let root: string, golden: string, base: string, candBad: string, candOk: string;

beforeAll(() => {
  root = tmpDir('gate');
  golden = writeRunDir(path.join(root, 'golden'), [...runOf('replay:golden', 0), ...runOf('noop', 10, 0)]);
  base = writeRunDir(path.join(root, 'base'), runOf('builtin:v1@m', 0));
  candBad = writeRunDir(path.join(root, 'cand-bad'), runOf('builtin:v1@m', 6, 0.3)); // 6 lost: McNemar p = 0.03125
  candOk = writeRunDir(path.join(root, 'cand-ok'), runOf('builtin:v1@m', 2, 0.3)); // 2 lost: p = 0.5
});

describe('fleetbench gate', () => {
  it('exits 1 naming the failing variant, with a table of checks, values and thresholds', async () => {
    const r = await runCli(['gate', golden, '--min', 'success_rate=0.9', '--max', 'cost_per_run=0.5']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/variant\s+metric\s+value\s+threshold\s+result/);
    expect(r.stdout).toMatch(/noop · heuristic\s+success_rate\s+0% \[0%–28%\] \(n=10\)\s+≥ 0\.9\s+FAIL/);
    expect(r.stdout).toMatch(/replay:golden · heuristic\s+success_rate\s+100% \[72%–100%\] \(n=10\)\s+≥ 0\.9\s+ok/);
    expect(r.stdout).toMatch(/gate FAILED: 1 of 4 check\(s\) failed — noop · heuristic/);
  });

  it('exits 0 when every check passes', async () => {
    const r = await runCli(['gate', golden, '--min', 'success_rate=0', '--max', 'cost_per_run=0.5', '--max', 'error_rate=0']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/gate passed: 6 check\(s\)/);
  });

  it('prints GitHub annotations with --format github', async () => {
    const summary = path.join(root, 'step-summary.md');
    const r = await runCli(['gate', golden, '--min', 'success_rate=0.9', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=fleetbench gate%3A noop · heuristic::noop · heuristic: success_rate ≥ 0.9 — value 0%25 [0%25–28%25] (n=10)');
    expect(r.stdout.match(/^::error /gm)).toHaveLength(1);
    expect(fs.readFileSync(summary, 'utf8')).toMatch(/### fleetbench gate: FAILED/);
  });

  it('reads thresholds from the config, flags overriding them', async () => {
    const config = path.join(root, 'fleetbench.yaml');
    fs.writeFileSync(config, 'gate:\n  min:\n    success_rate: 0.9\n');
    expect((await runCli(['gate', golden, '--config', config])).code).toBe(1);
    expect((await runCli(['gate', golden, '--config', config, '--min', 'success_rate=0'])).code).toBe(0);
  });

  it('exits 2 on an unknown metric, naming the valid ones, and when there is nothing to check', async () => {
    const r = await runCli(['gate', golden, '--min', 'succes_rate=0.9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown metric 'succes_rate'; valid metrics: success_rate, ci_pass_rate, hidden_pass_rate, scope_adherence, veto_rate/);
    expect(r.stderr).toMatch(/judge_fpr, judge_fnr, error_rate.*cost_per_run, cost_per_success, mean_turns/);
    const none = await runCli(['gate', golden], { cwd: tmpDir('gate-empty') });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing to check/);
  });

  it('--baseline: exits 1 on a significant regression, 0 on an insignificant drop, 1 beyond the margin', async () => {
    const bad = await runCli(['gate', candBad, '--baseline', base]);
    expect(bad.code, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/builtin:v1@m · heuristic\s+regression vs baseline\s+−60\.0 pp \[−90\.0, −30\.0\] \(10 pairs\)\s+McNemar p ≥ 0\.05\s+FAIL\s+success dropped 6 vs 0 discordant pairs, p=0\.0313/);
    const ok = await runCli(['gate', candOk, '--baseline', base]);
    expect(ok.code, ok.stdout).toBe(0);
    const margin = await runCli(['gate', candOk, '--baseline', base, '--regression-margin', '0.1']);
    expect(margin.code).toBe(1);
    expect(margin.stdout).toMatch(/drop 20\.0 pp > margin/);
  });
});

describe('fleetbench compare', () => {
  it('prints per-variant deltas with p-values and writes md, html and json', async () => {
    const out = path.join(root, 'cmp');
    const r = await runCli(['compare', base, candBad, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^builtin:v1@m · heuristic: success 100% \[72%–100%\] → 40% \[17%–69%\], Δ −60\.0 pp \[−90\.0, −30\.0\], McNemar p=0\.031 \(6 regressed, 0 improved, 10 pairs\); cost\/run Δ \+\$0\.2000/m);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'compare.json'), 'utf8'));
    expect(json.variants[0].success).toMatchObject({ b: 6, c: 0, pairs: 10 });
    expect(json.variants[0].regressed.map((f: { scenario: string }) => f.scenario)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    const md = fs.readFileSync(path.join(out, 'compare.md'), 'utf8');
    expect(md).toContain('- s0 #1: success → no_pr');
    expect(md).toContain('**Improved (success in candidate only):** none.');
    expect(fs.readFileSync(path.join(out, 'compare.html'), 'utf8')).toContain('<svg id="chart-success-delta"');
  });

  it('pairs a single differently named variant on each side (a prompt change)', async () => {
    const v2 = writeRunDir(path.join(root, 'v2'), runOf('builtin:v2@m', 0).map((r, i) => (i < 3 ? { ...r, outcome: 'ci_fail' as const } : r)));
    const c = await compareDirs(base, v2);
    expect(c.variants.map((v) => [v.base, v.cand, v.pairs, v.regressed.length])).toEqual([['builtin:v1@m · heuristic', 'builtin:v2@m · heuristic', 10, 3]]);
    const r = await runCli(['compare', base, v2, '--out', path.join(root, 'cmp2')]);
    expect(r.stdout).toMatch(/^builtin:v1@m · heuristic → builtin:v2@m · heuristic: .*McNemar p=0\.250/m);
  });

  it('exits 2 when nothing can be paired', async () => {
    const r = await runCli(['compare', golden, base, '--out', path.join(root, 'cmp3')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to compare/);
  });
});
