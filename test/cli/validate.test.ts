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
  // A scenario whose verifier leaves a file behind outside the allowed scope (a log, a cache).
  fs.cpSync(path.join(root, 'scenarios', 'greeting-style'), path.join(root, 'scenarios', 'greeting-noisy'), { recursive: true });
  const noisy = path.join(root, 'scenarios', 'greeting-noisy', 'scenario.yaml');
  fs.writeFileSync(noisy, fs.readFileSync(noisy, 'utf8').replace('id: greeting-style', 'id: greeting-noisy')
    + 'verify:\n  - name: tests\n    tool: pytest\n    command: python3 -m pytest -q -p no:cacheprovider tests && date > verifier-run.log\n');
  // A scenario needing something this host lacks (checked from the scenario's folder).
  fs.cpSync(path.join(root, 'scenarios', 'greeting-style'), path.join(root, 'scenarios', 'greeting-needs'), { recursive: true });
  const needs = path.join(root, 'scenarios', 'greeting-needs', 'scenario.yaml');
  fs.writeFileSync(needs, fs.readFileSync(needs, 'utf8').replace('id: greeting-style', 'id: greeting-needs')
    + 'requires:\n  - check: test -f frobnicator.cfg\n    what: the frobnicator\n    fix: apt-get install frobnicator\n');
});

describe('scenarios validate', () => {
  it('accepts the scaffolded scenario and prints the time it took', async () => {
    const r = await runCli(['scenarios', 'validate', 'greeting-style', '--repeat', '2', '--config', path.join(root, 'fleetbench.yaml')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok\s+greeting-style \(python, 1 variants/);
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
    expect(r.stdout).toMatch(/\| greeting-style \| python \| example \| 1 \|/);
  });

  it('skips a scenario whose requirements are missing, with what and the fix, in validate and run', async () => {
    const cfg = ['--config', path.join(root, 'fleetbench.yaml')];
    const v = await runCli(['scenarios', 'validate', 'greeting-needs', ...cfg]);
    expect(v.stdout).toMatch(/skipped greeting-needs .*the frobnicator not found \(fix: apt-get install frobnicator\)/);
    expect(v.stdout).toMatch(/0 valid, 0 invalid, 0 flaky, 1 skipped/);

    const out = path.join(root, 'out-needs');
    const r = await runCli(['run', '--scenarios', 'greeting-needs,greeting-style', '--agents', 'noop', '--out', out, ...cfg]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('skipping scenario greeting-needs: the frobnicator not found (fix: apt-get install frobnicator)');
    const ran = fs.readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).scenario);
    expect(ran).toEqual(['greeting-style']);

    const none = await runCli(['run', '--scenarios', 'greeting-needs', '--agents', 'noop', '--out', path.join(root, 'out-none'), ...cfg]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/none of the 1 selected scenario\(s\) can run on this host/);
    expect(fs.existsSync(path.join(root, 'out-none', 'results.jsonl'))).toBe(false);

    // Met (the check runs in the scenario's folder): the scenario is no longer skipped.
    fs.writeFileSync(path.join(root, 'scenarios', 'greeting-needs', 'frobnicator.cfg'), '');
    const met = await runCli(['scenarios', 'validate', 'greeting-needs', ...cfg]);
    expect(met.stdout, met.stderr).toMatch(/ok\s+greeting-needs/);
  });

  it('grades the diff the gates saw: files the stop hook\'s verifiers write afterwards are not part of the PR', async () => {
    const out = path.join(root, 'out-noisy');
    const r = await runCli(['run', '--scenarios', 'greeting-noisy', '--agents', 'replay:golden', '--out', out, '--config', path.join(root, 'fleetbench.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    const [result] = fs.readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(result.outcome, result.reason).toBe('success');
    expect(result.scopeViolations).toEqual([]);
    expect(result.diffStats.files).toBe(1);
  });
});
