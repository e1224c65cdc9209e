// Issue 13: --resume continues the recorded run: the sandbox (and every run-shaping option) comes from run.json; a
// flag that conflicts with it is refused with exit 2 naming the flag and the recorded value. A torn or invalid line
// in results.jsonl is reported with its line number before its run is redone.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { runCli } from '../helpers/cli.ts';
import { makeRoot, readLines } from '../runner/cli-process.ts';
import { runKeyString } from '../../src/pipeline/result.ts';

const docker = new Docker();
const dockerAvailable = await Promise.race([docker.ping().then(() => docker.getImage('fleetbench-sandbox:latest').inspect()).then(() => true, () => false),
  new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);

/** Drop the last line of results.jsonl: that run is "unfinished" and --resume redoes it. */
function dropLastLine(out: string): string {
  const file = path.join(out, 'results.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  fs.writeFileSync(file, lines.slice(0, -1).map((l) => l + '\n').join(''));
  return lines.at(-1)!;
}

describe('--resume uses run.json', () => {
  it('refuses conflicting run-shaping flags, naming the flag and the recorded value', { timeout: 300_000 }, async () => {
    const { root, config, env } = await makeRoot('fb-resume-flags-');
    const out = path.join(root, 'out');
    const r = await runCli(['run', '--config', config, '--scenarios', 'demo', '--agents', 'noop', '--epochs', '2', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    dropLastLine(out);
    const cases: [string[], RegExp][] = [
      [['--sandbox', 'docker'], /--sandbox docker conflicts .* records as sandbox local/],
      [['--epochs', '3'], /--epochs 3 conflicts .* records as epochs 2/],
      [['--agents', 'replay:golden'], /--agents replay:golden conflicts .* records as agents noop/],
      [['--judges', 'none'], /--judges none conflicts .* records as judges heuristic/],
      [['--scenarios', 'slow'], /--scenarios slow conflicts .* records as scenarios demo/],
      [['--shard', '1/2'], /--shard 1\/2 conflicts .* records as no shard/],
    ];
    for (const [flags, re] of cases) {
      const c = await runCli(['run', '--resume', out, ...flags], { env });
      expect(c.code, `${flags.join(' ')}: ${c.stderr}`).toBe(2);
      expect(c.stderr).toMatch(re);
    }
    // Saying what run.json says, or changing what does not shape the run, is fine.
    const ok = await runCli(['run', '--resume', out, '--epochs', '2', '--agents', 'noop', '--sandbox', 'local', '--concurrency', '1'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(readLines(path.join(out, 'results.jsonl'))).toHaveLength(2);
  });

  it('reports a torn and an invalid results line with their line numbers, then redoes those runs', { timeout: 300_000 }, async () => {
    const { root, config, env } = await makeRoot('fb-resume-torn-');
    const out = path.join(root, 'out');
    const r = await runCli(['run', '--config', config, '--scenarios', 'demo', '--agents', 'noop', '--epochs', '3', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(out, 'results.jsonl');
    const [l1, , l3] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const invalid = JSON.stringify({ ...JSON.parse(l3), outcome: 'great' });
    fs.writeFileSync(file, `${l1}\n${l3.slice(0, 40)}\n${invalid}\n`);
    const again = await runCli(['run', '--resume', out], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/results\.jsonl line 2 is not a valid result \(not JSON.*\): dropped; its run is redone/);
    expect(again.stderr).toMatch(/results\.jsonl line 3 is not a valid result \(outcome: .*\): dropped; its run is redone/);
    expect(again.stderr).toMatch(/1 finished run\(s\) kept, 0 harness error\(s\) to retry, 2 invalid line\(s\) dropped/);
    const lines = readLines(file);
    expect(new Set(lines.map(runKeyString)).size).toBe(3);
    expect(lines).toHaveLength(3);
  });

  it.skipIf(!dockerAvailable && process.env.CI !== 'true')('continues a docker run in docker without --sandbox, and refuses --sandbox local', { timeout: 600_000 }, async () => {
    const { root, config, env } = await makeRoot('fb-resume-docker-');
    const out = path.join(root, 'out');
    const r = await runCli(['run', '--config', config, '--scenarios', 'demo', '--agents', 'noop', '--epochs', '2', '--sandbox', 'docker', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    dropLastLine(out);
    const refused = await runCli(['run', '--resume', out, '--sandbox', 'local'], { env });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/--sandbox local conflicts .* records as sandbox docker/);
    const resumed = await runCli(['run', '--resume', out], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/1 run\(s\) to do .*sandbox docker/);
    const lines = readLines(path.join(out, 'results.jsonl'));
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.sandbox)).toEqual(['docker', 'docker']);
  });
});
