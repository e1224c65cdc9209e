// Issue 13, interruptions: SIGINT/SIGTERM stop a run cleanly (runs in flight aborted and not recorded, their
// workspaces and containers gone, the report written for what finished, exit 130, how to continue); a second
// Ctrl-C exits at once.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { startCli, makeRoot, workDirs, readLines, waitUntil } from '../runner/cli-process.ts';
import { runKeyString } from '../../src/pipeline/result.ts';

const docker = new Docker();
const dockerAvailable = await Promise.race([docker.ping().then(() => docker.getImage('fleetbench-sandbox:latest').inspect()).then(() => true, () => false),
  new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);

/** Start `run` on the slow scenario (golden runs sit in a sleeping verify) plus noop, and signal it once noop finished. */
async function interruptMidRun(signal: NodeJS.Signals, sandbox: 'local' | 'docker') {
  const { root, tmp, config, env } = await makeRoot(`fb-int-${signal}-`);
  const out = path.join(root, 'out');
  const p = startCli(['run', '--config', config, '--scenarios', 'slow', '--agents', 'noop,replay:golden', '--epochs', '2', '--sandbox', sandbox, '--out', out], { env });
  await p.waitFor(/\] slow · noop · heuristic · #\d → no_pr/);
  await waitUntil('a golden run is in flight', () => workDirs(tmp).some((d) => fs.readdirSync(path.join(tmp, d)).some((n) => n !== '.owner')));
  await new Promise((r) => setTimeout(r, 1500));
  process.kill(p.pid, signal);
  const e = await p.exit;
  return { root, tmp, out, pid: p.pid, e };
}

function expectCleanStop(r: Awaited<ReturnType<typeof interruptMidRun>>) {
  const { e, out, tmp } = r;
  expect(e.signal, e.stderr).toBeNull();
  expect(e.code, e.stderr).toBe(130);
  expect(e.stderr).toContain(`fleetbench run --resume ${out}`);
  // Only finished runs are recorded: noop finished, the golden runs were cut short and are not results.
  const lines = readLines(path.join(out, 'results.jsonl'));
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(lines.filter((l) => l.outcome === 'error')).toEqual([]);
  expect(lines.filter((l) => l.agent === 'replay:golden')).toEqual([]);
  expect(new Set(lines.map(runKeyString)).size).toBe(lines.length);
  // The report covers what finished.
  const md = fs.readFileSync(path.join(out, 'report.md'), 'utf8');
  expect(md).toMatch(/\| noop \| heuristic \|/);
  // No work dir of that process left behind, and the results directory is unlocked.
  expect(workDirs(tmp)).toEqual([]);
  expect(fs.existsSync(path.join(out, '.lock'))).toBe(false);
}

describe('interrupting fleetbench run', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-run: exit 130, report for what finished, nothing half-done recorded or left', { timeout: 300_000 }, async (sig) => {
    const r = await interruptMidRun(sig, 'local');
    expectCleanStop(r);
    expect(r.e.stderr).toMatch(new RegExp(`${sig}: stopping`));
  });

  it('a second Ctrl-C exits at once with 130', { timeout: 300_000 }, async () => {
    const { root, tmp, config, env } = await makeRoot('fb-int-twice-', 60);
    const p = startCli(['run', '--config', config, '--scenarios', 'slow', '--agents', 'replay:golden', '--epochs', '2', '--out', path.join(root, 'out')], { env });
    await p.waitFor(/run\(s\) to do/);
    await waitUntil('a golden run is in flight', () => workDirs(tmp).some((d) => fs.readdirSync(path.join(tmp, d)).some((n) => n !== '.owner')));
    process.kill(p.pid, 'SIGINT');
    await p.waitFor(/SIGINT: stopping/);
    const t0 = Date.now();
    process.kill(p.pid, 'SIGINT');
    const e = await p.exit;
    expect(e.code, e.stderr).toBe(130);
    expect(e.stderr).toMatch(/SIGINT again: exiting now/);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(fs.existsSync(path.join(root, 'out', '.lock'))).toBe(false);
  });

  it.skipIf(!dockerAvailable && process.env.CI !== 'true')('SIGINT mid-run in the docker sandbox leaves no container of the run', { timeout: 600_000 }, async () => {
    const r = await interruptMidRun('SIGINT', 'docker');
    expectCleanStop(r);
    const left = execFileSync('docker', ['ps', '-aq', '--filter', `label=fleetbench.owner.pid=${r.pid}`], { encoding: 'utf8' }).trim();
    expect(left).toBe('');
  });
});
