// Issue 13: one writer per results directory. Two `--resume DIR` at once: one runs (taking over the lock the killed
// first run left), the other exits 2 naming the holder's PID; so does a `--out DIR` run; exactly one result per key.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startCli, makeRoot, readLines } from '../runner/cli-process.ts';
import { runKeyString } from '../../src/pipeline/result.ts';

describe('results directory lock', () => {
  it('lets one of two concurrent --resume run and refuses the other with the PID', { timeout: 600_000 }, async () => {
    const { root, config, env } = await makeRoot('fb-lock-', 6);
    const out = path.join(root, 'out');
    const first = startCli(['run', '--config', config, '--scenarios', 'slow', '--agents', 'noop,replay:golden', '--epochs', '2', '--out', out], { env });
    await first.waitFor(/\] slow · noop · heuristic · #\d → no_pr/);
    first.child.kill('SIGKILL');
    await first.exit;
    expect(fs.existsSync(path.join(out, '.lock'))).toBe(true); // left by the killed run

    const a = startCli(['run', '--resume', out], { env });
    const b = startCli(['run', '--resume', out], { env });
    const [ea, eb] = await Promise.all([a.exit, b.exit]);
    const [winner, loser, winnerPid] = ea.code === 0 ? [ea, eb, a.pid] : [eb, ea, b.pid];
    expect(winner.code, winner.stderr).toBe(0);
    expect(loser.code, loser.stderr).toBe(2);
    expect(loser.stderr).toContain(`in use by fleetbench process ${winnerPid}`);
    // Whichever took over the stale lock says so (the other may then have lost the race to create it).
    expect(winner.stderr + loser.stderr).toMatch(/taking over the lock of fleetbench process \d+.*which is gone/);

    const lines = readLines(path.join(out, 'results.jsonl'));
    const keys = lines.map(runKeyString);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    expect(lines.filter((l) => l.outcome === 'error')).toEqual([]);
    expect(fs.existsSync(path.join(out, '.lock'))).toBe(false);
  });

  it('refuses an --out run into a directory another run holds', { timeout: 300_000 }, async () => {
    const { root, config, env } = await makeRoot('fb-lock-out-', 15);
    const out = path.join(root, 'out');
    const holder = startCli(['run', '--config', config, '--scenarios', 'slow', '--agents', 'replay:golden', '--out', out], { env });
    await holder.waitFor(/run\(s\) to do/);
    const second = startCli(['run', '--config', config, '--scenarios', 'demo', '--agents', 'noop', '--out', out], { env });
    const e = await second.exit;
    expect(e.code, e.stderr).toBe(2);
    expect(e.stderr).toContain(`in use by fleetbench process ${holder.pid}`);
    const h = await holder.exit;
    expect(h.code, h.stderr).toBe(0);
    expect(readLines(path.join(out, 'results.jsonl')).map((r) => r.scenario)).toEqual(['slow']);
  });
});
