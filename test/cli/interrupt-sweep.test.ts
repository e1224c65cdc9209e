// Issue 13: `kill -9` of a running `fleetbench run` leaves its work dir behind; the next run removes it (its owner is
// gone) and leaves alone the dirs of live processes, including a live pid whose start time says it was reused.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCli, makeRoot, workDirs, waitUntil } from '../runner/cli-process.ts';
import { processStartTime } from '../../src/runner/owner.ts';

describe('start-up sweep of work dirs', () => {
  it('removes the work dir of a kill -9ed run, keeps a live one', { timeout: 300_000 }, async () => {
    const { root, tmp, config, env } = await makeRoot('fb-sweep-');
    const p = startCli(['run', '--config', config, '--scenarios', 'slow', '--agents', 'replay:golden', '--out', path.join(root, 'a')], { env });
    await waitUntil('the run has a work dir', () => workDirs(tmp).some((d) => fs.readdirSync(path.join(tmp, d)).some((n) => n !== '.owner')));
    p.child.kill('SIGKILL');
    await p.exit;
    const killed = workDirs(tmp);
    expect(killed).toHaveLength(1);

    // A live process's dir (this test's), and one whose pid is live but belongs to a newer process (pid reuse).
    const owner = (start: string) => JSON.stringify({ pid: process.pid, start, host: os.hostname() });
    fs.mkdirSync(path.join(tmp, 'fleetbench-work-live'));
    fs.writeFileSync(path.join(tmp, 'fleetbench-work-live', '.owner'), owner(processStartTime(process.pid)));
    fs.mkdirSync(path.join(tmp, 'fleetbench-work-reused'));
    fs.writeFileSync(path.join(tmp, 'fleetbench-work-reused', '.owner'), owner('1'));

    const next = startCli(['run', '--config', config, '--scenarios', 'demo', '--agents', 'noop', '--out', path.join(root, 'b')], { env });
    const e = await next.exit;
    expect(e.code, e.stderr).toBe(0);
    expect(e.stderr).toMatch(/removed 2 work dir\(s\) left by fleetbench processes that are gone/);
    expect(workDirs(tmp).sort()).toEqual(['fleetbench-work-live']);
  });
});
