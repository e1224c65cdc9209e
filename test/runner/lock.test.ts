// The results-directory lock and the work-root sweep, in process: a live holder refuses, a dead one is taken over
// exactly once even when two takers race, and the sweep's rules for owner files, ownerless and kept roots.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockResultsDir, LOCK_FILE } from '../../src/runner/lock.ts';
import { sweepStaleWorkRoots, makeWorkRoot, keepWorkRoot, OWNERLESS_MAX_AGE_MS } from '../../src/runner/workdirs.ts';
import { ownerGone, currentOwner } from '../../src/runner/owner.ts';
import { UsageError } from '../../src/util/errors.ts';

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'fb-lock-unit-'));

describe('lockResultsDir', () => {
  it('refuses a second writer naming the holder, and is free again after release', async () => {
    const dir = tmpDir();
    const lock = await lockResultsDir(dir, () => {});
    await expect(lockResultsDir(dir, () => {})).rejects.toThrow(new RegExp(`in use by fleetbench process ${process.pid}`));
    await expect(lockResultsDir(dir, () => {})).rejects.toBeInstanceOf(UsageError);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    (await lockResultsDir(dir, () => {})).release();
  });

  it('takes over the lock of a dead process once, even with two takers racing', async () => {
    const dir = tmpDir();
    const pid = deadPid();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid, start: '1', host: os.hostname() }));
    const logs: string[] = [];
    const got = await Promise.allSettled([lockResultsDir(dir, (l) => logs.push(l)), lockResultsDir(dir, (l) => logs.push(l))]);
    expect(got.filter((g) => g.status === 'fulfilled')).toHaveLength(1);
    expect(got.filter((g) => g.status === 'rejected')).toHaveLength(1);
    expect(logs).toEqual([expect.stringMatching(new RegExp(`taking over the lock of fleetbench process ${pid} .*which is gone`))]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('release never removes a lock another writer took over', async () => {
    const dir = tmpDir();
    const lock = await lockResultsDir(dir, () => {});
    const other = JSON.stringify({ pid: process.pid, start: 'other', host: os.hostname() });
    fs.writeFileSync(path.join(dir, LOCK_FILE), other);
    lock.release();
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });
});

describe('sweepStaleWorkRoots', () => {
  it('removes roots of dead owners and old ownerless ones; keeps live, fresh ownerless and kept roots', () => {
    const tmp = tmpDir();
    const live = makeWorkRoot(tmp);
    const dead = fs.mkdtempSync(path.join(tmp, 'fleetbench-work-'));
    fs.writeFileSync(path.join(dead, '.owner'), JSON.stringify({ pid: deadPid(), start: '1', host: os.hostname() }));
    const otherHost = fs.mkdtempSync(path.join(tmp, 'fleetbench-work-'));
    fs.writeFileSync(path.join(otherHost, '.owner'), JSON.stringify({ pid: deadPid(), start: '1', host: 'elsewhere' }));
    const kept = fs.mkdtempSync(path.join(tmp, 'fleetbench-work-'));
    fs.writeFileSync(path.join(kept, '.owner'), JSON.stringify({ pid: deadPid(), start: '1', host: os.hostname() }));
    keepWorkRoot(kept);
    const freshOwnerless = fs.mkdtempSync(path.join(tmp, 'fleetbench-work-'));
    const oldOwnerless = fs.mkdtempSync(path.join(tmp, 'fleetbench-work-'));
    const old = new Date(Date.now() - OWNERLESS_MAX_AGE_MS - 60_000);
    fs.utimesSync(oldOwnerless, old, old);
    const unrelated = fs.mkdtempSync(path.join(tmp, 'something-else-'));

    const s = sweepStaleWorkRoots(tmp);
    expect(s.removed.sort()).toEqual([dead, oldOwnerless].sort());
    for (const d of [live, otherHost, kept, freshOwnerless, unrelated]) expect(fs.existsSync(d), d).toBe(true);
  });

  it('ownerGone: live owner no, dead pid yes, reused pid (other start time) yes, other host never', () => {
    const me = currentOwner();
    expect(ownerGone(me)).toBe(false);
    expect(ownerGone({ ...me, pid: deadPid() })).toBe(true);
    expect(ownerGone({ ...me, start: `${me.start}9` })).toBe(true);
    expect(ownerGone({ ...me, pid: deadPid(), host: 'elsewhere' })).toBe(false);
  });
});
