// Merging shard directories: the shards of a matrix merge back into exactly the unsharded results; duplicates are
// kept once, conflicts and foreign matrices refused, harness errors give way to graded runs.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { mergeShards } from '../../src/report/merge.ts';
import { inShard } from '../../src/runner/shard.ts';
import { runKeyString, type RunResult } from '../../src/pipeline/result.ts';
import { UsageError } from '../../src/util/errors.ts';
import { runCli } from '../helpers/cli.ts';
import { readJsonl, result, tmpDir, writeRunDir, type MatrixSpec } from './fixtures.ts';

const matrix: MatrixSpec = { scenarios: ['a', 'b', 'c'], agents: ['replay:golden', 'noop'], judges: ['heuristic'], epochs: 3 };
const OUTCOMES = ['success', 'out_of_scope', 'ci_fail'] as const;

/** The full (unsharded) results: every key of the matrix, with a transcript file each. */
function fullRun(): RunResult[] {
  return matrix.scenarios.flatMap((s, i) => matrix.agents.flatMap((agent) => [1, 2, 3].map((epoch) => result({
    scenario: s, agent, epoch, outcome: agent === 'noop' ? 'no_pr' : OUTCOMES[(i + epoch) % 3], costUsd: 0.01 * epoch,
    transcript: `transcripts/${s}-${agent.replace(':', '_')}-${epoch}.jsonl`,
  }))));
}

function writeShards(root: string, count: number, results = fullRun()): string[] {
  return Array.from({ length: count }, (_, i) => {
    const shard = { index: i + 1, count };
    const mine = results.filter((r) => inShard(runKeyString(r), shard));
    const dir = writeRunDir(path.join(root, `shard-${shard.index}`), mine, { shard, matrix });
    for (const r of mine) {
      fs.mkdirSync(path.join(dir, 'transcripts'), { recursive: true });
      fs.writeFileSync(path.join(dir, r.transcript!), `{"type":"start","key":"${runKeyString(r)}"}\n`);
    }
    return dir;
  });
}

const byKey = (rs: RunResult[]) => new Map(rs.map((r) => [runKeyString(r), r]));

describe('mergeShards', () => {
  it('merges the shards of a matrix into exactly the unsharded results, with transcripts, run.json and reports', async () => {
    const root = tmpDir('merge');
    const shards = writeShards(root, 3);
    expect(shards.map((d) => readJsonl(path.join(d, 'results.jsonl')).length).every((n) => n > 0)).toBe(true);
    const out = path.join(root, 'merged');
    const m = await mergeShards(shards, out);
    expect(m).toMatchObject({ runs: 18, duplicates: 0, errorsReplaced: 0, expected: 18, missing: 0 });
    const merged = readJsonl(path.join(out, 'results.jsonl'));
    expect(merged).toHaveLength(18);
    expect(byKey(merged)).toEqual(byKey(fullRun()));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8'));
    expect(manifest.shard).toBeNull();
    expect(manifest.matrixHash).toBe(JSON.parse(fs.readFileSync(path.join(shards[0], 'run.json'), 'utf8')).matrixHash);
    for (const r of merged) expect(fs.readFileSync(path.join(out, r.transcript!), 'utf8')).toContain(runKeyString(r));
    for (const f of ['report.md', 'report.html', 'results.csv', 'junit.xml', 'summary.json']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(m.report.variants.find((v) => v.agent === 'replay:golden')!.outcomes.success).toBe(3);
  });

  it('keeps identical duplicates once and says when keys of the matrix are missing', async () => {
    const root = tmpDir('merge-dup');
    const [s1, s2] = writeShards(root, 2);
    const m = await mergeShards([s1, s2, s1], path.join(root, 'out'));
    expect(m.runs).toBe(18);
    expect(m.duplicates).toBe(readJsonl(path.join(s1, 'results.jsonl')).length);
    expect(byKey(readJsonl(path.join(root, 'out', 'results.jsonl')))).toEqual(byKey(fullRun()));
    const partial = await mergeShards([s1], path.join(root, 'partial'));
    expect(partial.missing).toBe(18 - partial.runs);
    expect(partial.missing).toBeGreaterThan(0);
  });

  it('lets a graded run replace a harness error of the same key', async () => {
    const root = tmpDir('merge-err');
    const full = fullRun();
    const retried = full[0];
    const errored = { ...retried, outcome: 'error' as const, error: 'sandbox died', graded: null };
    const a = writeRunDir(path.join(root, 'a'), [errored, ...full.slice(1, 9)], { matrix });
    const b = writeRunDir(path.join(root, 'b'), [retried, ...full.slice(9)], { matrix });
    const m = await mergeShards([a, b], path.join(root, 'out'));
    expect(m.errorsReplaced).toBe(1);
    expect(byKey(readJsonl(path.join(root, 'out', 'results.jsonl')))).toEqual(byKey(full));
  });

  it('refuses a key graded differently in two directories, and directories of another matrix', async () => {
    const root = tmpDir('merge-bad');
    const full = fullRun();
    const a = writeRunDir(path.join(root, 'a'), full, { matrix });
    const changed = full.map((r, i) => (i === 0 ? { ...r, outcome: 'incorrect' as const } : r));
    const b = writeRunDir(path.join(root, 'b'), changed, { matrix });
    await expect(mergeShards([a, b], path.join(root, 'out'))).rejects.toThrow(/1 run key\(s\) graded differently.*\n.*a\|replay:golden\|heuristic\|1: \w+ in .*, incorrect in/);
    expect(fs.existsSync(path.join(root, 'out', 'results.jsonl'))).toBe(false);

    const other = writeRunDir(path.join(root, 'other'), full, { matrix: { ...matrix, epochs: 4 } });
    await expect(mergeShards([a, other], path.join(root, 'out2'))).rejects.toThrow(UsageError);
    await expect(mergeShards([a, other], path.join(root, 'out2'))).rejects.toThrow(/made from a different run matrix/);
    await expect(mergeShards([a], a)).rejects.toThrow(/is one of the inputs/);
  });

  it('through the CLI: exit 0 on shards, 2 on a conflict, and --out is required', async () => {
    const root = tmpDir('merge-cli');
    const shards = writeShards(root, 2);
    const ok = await runCli(['merge', ...shards, '--out', path.join(root, 'm')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/merged 2 directories: 18 run\(s\)/);
    const full = fullRun();
    const a = writeRunDir(path.join(root, 'a'), full, { matrix });
    const b = writeRunDir(path.join(root, 'b'), full.map((r, i) => (i === 3 ? { ...r, outcome: 'incorrect' as const } : r)), { matrix });
    const bad = await runCli(['merge', a, b, '--out', path.join(root, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/graded differently/);
    expect((await runCli(['merge', a])).code).toBe(2);
  });
});
