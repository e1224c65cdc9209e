// Killing `fleetbench run` mid-way and resuming finishes with exactly one line per run key, nothing lost;
// harness errors and torn lines are retried.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { RunResultSchema, runKeyString } from '../../src/pipeline/result.ts';

function lines(file: string) {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => RunResultSchema.parse(JSON.parse(l)));
}

describe('--resume', () => {
  it('continues a killed run without losing or duplicating runs', { timeout: 900_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-resume-'));
    for (const id of ['demo-a', 'demo-b']) await scaffoldScenario(path.join(root, 'scenarios'), id);
    fs.writeFileSync(path.join(root, 'fleetbench.yaml'), 'scenariosDir: scenarios\nagents: [replay:golden, noop]\nepochs: 2\nconcurrency: 1\n');
    const out = path.join(root, 'out');
    const total = 2 * 2 * 2;

    // Kill the first run as soon as two runs have finished.
    let finished = 0;
    const first = runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--out', out], {
      onStderr: (chunk) => { finished += (chunk.match(/^\[\s*\d+\/\d+\]/gm) ?? []).length; if (finished >= 2) first.kill(); },
    });
    const r1 = await first;
    expect(r1.code).not.toBe(0);
    const before = lines(path.join(out, 'results.jsonl'));
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(total);

    // A torn write and a harness error must both be retried, not kept.
    const errorLine = { ...before[0], scenario: 'demo-b', agent: 'noop', epoch: 2, outcome: 'error', error: 'sandbox died' };
    fs.appendFileSync(path.join(out, 'results.jsonl'), JSON.stringify(errorLine) + '\n{"scenario":"demo-a","ag');

    const r2 = await runCli(['run', '--resume', out]);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/resuming .*: \d+ finished run\(s\) kept, 1 harness error\(s\) to retry/);
    const after = lines(path.join(out, 'results.jsonl'));
    const keys = after.map(runKeyString);
    expect(new Set(keys).size).toBe(total);
    expect(after).toHaveLength(total);
    expect(after.filter((r) => r.outcome === 'error')).toEqual([]);
    // Runs finished before the kill are kept as they were.
    for (const b of before) expect(after).toContainEqual(b);
    expect(after.filter((r) => r.agent === 'replay:golden').every((r) => r.outcome === 'success')).toBe(true);
    expect(after.filter((r) => r.agent === 'noop').every((r) => r.outcome === 'no_pr')).toBe(true);
    expect(fs.existsSync(path.join(out, 'report.md'))).toBe(true);
  });
});
