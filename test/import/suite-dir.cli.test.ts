// A suite outside the checkout: `scenarios new --dir X` scaffolds each ecosystem (variants included), the printed
// `validate` command finds it, a scenario folder path works as the selector, and selecting nothing is exit 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { SCAFFOLD_ECOSYSTEMS } from '../../src/scenarios/scaffold.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-suite-dir-'));
const suite = path.join(root, 'my-suite');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('scenarios new/validate on a folder outside the checkout', () => {
  it('scaffolds every ecosystem with a labeled variant', async () => {
    for (const eco of SCAFFOLD_ECOSYSTEMS) {
      const r = await runCli(['scenarios', 'new', `demo-${eco}`, '--dir', suite, '--ecosystem', eco], { cwd: root });
      expect(r.code, r.stderr).toBe(0);
      const s = loadScenario(path.join(suite, `demo-${eco}`));
      expect(s.ecosystem).toBe(eco);
      expect(s.variants.map((v) => [v.name, v.outcome])).toEqual([['touches-readme', 'out_of_scope']]);
    }
    const bad = await runCli(['scenarios', 'new', 'x', '--dir', suite, '--ecosystem', 'cobol'], { cwd: root });
    expect(bad.code).toBe(2);
  });

  it('validates with the command `new` printed, and by folder path', async () => {
    const made = await runCli(['scenarios', 'new', 'greet-node', '--dir', suite, '--ecosystem', 'node'], { cwd: root });
    const printed = /then run: fleetbench (scenarios validate .*)$/m.exec(made.stdout)![1].split(' ');
    const v = await runCli(printed, { cwd: root });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/ok\s+greet-node \(node, 1 variants/);
    const byPath = await runCli(['scenarios', 'validate', path.join(suite, 'demo-python')], { cwd: root });
    expect(byPath.code, byPath.stdout + byPath.stderr).toBe(0);
  }, 240_000);

  it('a selection or a suite that matches nothing is exit 2 with the reason', async () => {
    const none = await runCli(['scenarios', 'validate', 'nope', '--dir', suite], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/'nope' matches nothing; known ids: demo-/);
    fs.mkdirSync(path.join(root, 'empty'));
    const empty = await runCli(['scenarios', 'validate', '--dir', path.join(root, 'empty')], { cwd: root });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no scenarios in .*empty/);
    const missing = await runCli(['scenarios', 'list', '--dir', path.join(root, 'missing')], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});
