// Bad input: one clear line naming the problem and the fix, exit 2, nothing half-written.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';

describe('bad input', () => {
  it('rejects an unknown agent spec with exit 2 and writes nothing', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-bad-')), 'r');
    const r = await runCli(['run', '--agents', 'gpt5', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown agent spec 'gpt5'; use noop, replay:golden/);
    expect(fs.existsSync(path.join(out, 'results.jsonl'))).toBe(false);
  });

  it('refuses a CLI agent in the docker sandbox before writing anything', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-bad-')), 'r');
    const r = await runCli(['run', '--agents', 'claude-code@anthropic:claude-sonnet-4-6', '--sandbox', 'docker', '--scenarios', 'py-flag-removal', '--out', out], { env: { ANTHROPIC_API_KEY: 'k' } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/agent claude-code@anthropic:claude-sonnet-4-6 cannot run in the docker sandbox: .*unix socket.* \(fix: --sandbox local\)/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('rejects a scenario selector that matches nothing', async () => {
    const r = await runCli(['run', '--scenarios', 'no-such-scenario', '--out', path.join(os.tmpdir(), 'fb-none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario selector 'no-such-scenario' matches nothing; known ids:/);
  });

  it('rejects a malformed config naming the file and field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-cfg-'));
    fs.writeFileSync(path.join(dir, 'fleetbench.yaml'), 'epochs: many\n');
    const r = await runCli(['run', '--config', path.join(dir, 'fleetbench.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fleetbench\.yaml: field 'epochs'/);
  });

  it('refuses to overwrite an existing results directory without --resume', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-exist-'));
    fs.writeFileSync(path.join(dir, 'results.jsonl'), '{"partial":true}\n');
    const r = await runCli(['run', '--agents', 'noop', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds results; use --resume/);
    expect(fs.readFileSync(path.join(dir, 'results.jsonl'), 'utf8')).toBe('{"partial":true}\n');
  });

  it('rejects bad flag values and unknown commands with exit 2', async () => {
    expect((await runCli(['run', '--epochs', '0'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const help = await runCli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--resume <dir>/);
  });
});
