// Acceptance of issue 7 on real runs of scaffolded (fast, python) scenarios: the run writes every report; gate names the
// failing variant; shards merge into the unsharded results; compare of two runs prints deltas with p-values.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { runKeyString, type RunResult } from '../../src/pipeline/result.ts';
import { readJsonl, tmpDir } from './fixtures.ts';

let root: string, config: string;
const dir = (name: string) => path.join(root, name);

beforeAll(async () => {
  root = tmpDir('report-e2e');
  for (const id of ['demo-a', 'demo-b']) await scaffoldScenario(path.join(root, 'scenarios'), id);
  config = path.join(root, 'fleetbench.yaml');
  fs.writeFileSync(config, 'scenariosDir: scenarios\nconcurrency: 2\n');
});

/** The fields a run determines (not its timing, transcript name or timestamps). */
const deterministic = (r: RunResult) => ({ key: runKeyString(r), outcome: r.outcome, graded: r.graded, ci: r.ciPassed, hidden: r.hiddenPassed, scope: r.scopePassed, turns: r.turns, vetoes: r.vetoes });
const sortedFacts = (file: string) => readJsonl(file).map(deterministic).sort((a, b) => a.key.localeCompare(b.key));

describe('issue 7 acceptance', () => {
  it('run --agents replay:golden,noop writes every report, and gate --min success_rate=0.9 exits 1 naming noop', async () => {
    const run = await runCli(['run', '--config', config, '--scenarios', 'demo-a', '--agents', 'replay:golden,noop', '--out', dir('A')]);
    expect(run.code, run.stderr).toBe(0);
    for (const f of ['report.md', 'report.html', 'results.csv', 'junit.xml', 'summary.json']) expect(fs.existsSync(path.join(dir('A'), f)), f).toBe(true);
    const gate = await runCli(['gate', dir('A'), '--min', 'success_rate=0.9']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(1);
    expect(gate.stdout).toMatch(/noop · heuristic\s+success_rate\s+0% \[0%–79%\] \(n=1\)\s+≥ 0\.9\s+FAIL/);
    expect(gate.stdout).toMatch(/replay:golden · heuristic\s+success_rate\s+100% \[21%–100%\] \(n=1\)\s+≥ 0\.9\s+ok/);
    expect(gate.stdout).toMatch(/gate FAILED: .* — noop · heuristic$/m);
  }, 600_000);

  it('merge of --shard 1/2 and --shard 2/2 equals the unsharded run; compare of the two prints deltas with p-values', async () => {
    const common = ['run', '--config', config, '--agents', 'noop', '--epochs', '4'];
    const runs = await Promise.all([
      runCli([...common, '--shard', '1/2', '--out', dir('S1')]),
      runCli([...common, '--shard', '2/2', '--out', dir('S2')]),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const whole = await runCli([...common, '--out', dir('U')]);
    expect(whole.code, whole.stderr).toBe(0);
    const shardSizes = ['S1', 'S2'].map((s) => readJsonl(path.join(dir(s), 'results.jsonl')).length);
    expect(shardSizes[0] + shardSizes[1]).toBe(8);

    const merge = await runCli(['merge', dir('S1'), dir('S2'), '--out', dir('M')]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stderr).not.toMatch(/missing/);
    expect(sortedFacts(path.join(dir('M'), 'results.jsonl'))).toEqual(sortedFacts(path.join(dir('U'), 'results.jsonl')));
    expect(JSON.parse(fs.readFileSync(path.join(dir('M'), 'run.json'), 'utf8'))).toMatchObject({
      shard: null, matrixHash: JSON.parse(fs.readFileSync(path.join(dir('U'), 'run.json'), 'utf8')).matrixHash,
    });

    const cmp = await runCli(['compare', dir('U'), dir('M')]);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(cmp.stdout).toMatch(/^noop · heuristic: success 0% \[0%–32%\] → 0% \[0%–32%\], Δ \+0\.0 pp .*McNemar p=1\.000 \(0 regressed, 0 improved, 8 pairs\)/m);
    expect(fs.existsSync(path.join(dir('M'), 'compare-U', 'compare.html'))).toBe(true);
  }, 900_000);
});
