// `fleetbench scenarios validate`: exit 0 on a sound scenario, exit 1 with a clear message when the golden patch
// is broken (in a temp copy), and `scenarios new` scaffolds something that validates.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';

let root: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-validate-'));
  fs.writeFileSync(path.join(root, 'fleetbench.yaml'), 'scenariosDir: scenarios\n');
  const r = await runCli(['scenarios', 'new', 'greeting-style', '--dir', path.join(root, 'scenarios')]);
  expect(r.code, r.stderr).toBe(0);
  fs.cpSync(path.join(root, 'scenarios', 'greeting-style'), path.join(root, 'scenarios', 'greeting-broken'), { recursive: true });
  const yaml = path.join(root, 'scenarios', 'greeting-broken', 'scenario.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('id: greeting-style', 'id: greeting-broken'));
  // Break the golden patch: it now produces the wrong greeting, so the hidden check fails.
  const patch = path.join(root, 'scenarios', 'greeting-broken', 'solution.patch');
  fs.writeFileSync(patch, fs.readFileSync(patch, 'utf8').replace('f"Hello, {name}!"', 'f"Hi, {name}!"'));
});

describe('scenarios validate', () => {
  it('accepts the scaffolded scenario and prints the time it took', async () => {
    const r = await runCli(['scenarios', 'validate', 'greeting-style', '--repeat', '2', '--config', path.join(root, 'fleetbench.yaml')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok\s+greeting-style \(python, 0 variants/);
    expect(r.stdout).toMatch(/1 valid, 0 invalid, 0 flaky, 0 skipped of 1 scenario\(s\) in \d+/);
  });

  it('exits 1 naming the scenario and what failed when the golden patch is broken', async () => {
    const r = await runCli(['scenarios', 'validate', 'greeting-broken', '--config', path.join(root, 'fleetbench.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/INVALID greeting-broken .*golden: 0\/1 repeats succeed: incorrect \(hidden checks failed/);
  });

  it('lists scenarios with ecosystem, tags and variant count', async () => {
    const r = await runCli(['scenarios', 'list', '--config', path.join(root, 'fleetbench.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| greeting-style \| python \| example \| 0 \|/);
  });
});
