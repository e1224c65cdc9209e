// Workspaces on real git: a compact cached template per scenario content, copied per run, with the same base commit
// every time; a patch that does not apply is one clear error naming its source.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { applyDiff, materialize, scenarioTemplate, PatchError } from '../../src/scenarios/workspace.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('materialize', () => {
  it('copies a packed template without sample hooks, at the same base commit, independent per run', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-ws-'));
    const s = loadScenario(await scaffoldScenario(path.join(root, 'scenarios'), 'ws-demo'));
    const a = await materialize(s, path.join(root, 'a'));
    const b = await materialize(s, path.join(root, 'b'));
    expect(a.baseCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(b.baseCommit).toBe(a.baseCommit);
    expect(git(a.dir, 'rev-parse', 'HEAD')).toBe(a.baseCommit);
    expect(git(a.dir, 'status', '--porcelain')).toBe('');

    const tpl = await scenarioTemplate(s);
    expect(await scenarioTemplate(s)).toBe(tpl);
    const gitDir = path.join(tpl.dir, '.git');
    expect(fs.readdirSync(path.join(gitDir, 'hooks'))).toEqual([]);
    expect(fs.readdirSync(path.join(gitDir, 'objects', 'pack')).some((f) => f.endsWith('.pack'))).toBe(true);
    const loose = fs.readdirSync(path.join(gitDir, 'objects')).filter((d) => /^[0-9a-f]{2}$/.test(d));
    expect(loose).toEqual([]);

    // A change in one run's workspace is seen neither by the template nor by another run.
    const file = git(a.dir, 'ls-files').split('\n')[0];
    fs.appendFileSync(path.join(a.dir, file), '\nchanged\n');
    expect(git(a.dir, 'status', '--porcelain')).toContain(file);
    expect(git(b.dir, 'status', '--porcelain')).toBe('');
    expect(git(tpl.dir, 'status', '--porcelain')).toBe('');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('applies the golden patch, and names the source of a patch that does not apply', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-ws-'));
    const s = loadScenario(await scaffoldScenario(path.join(root, 'scenarios'), 'ws-demo-2'));
    const ws = await materialize(s, path.join(root, 'w'));
    await applyDiff(ws.dir, s.solution, 'ws-demo-2/solution.patch');
    expect(git(ws.dir, 'status', '--porcelain')).not.toBe('');
    const bad = 'diff --git a/nope.txt b/nope.txt\n--- a/nope.txt\n+++ b/nope.txt\n@@ -1 +1 @@\n-x\n+y\n';
    const err = await applyDiff(ws.dir, bad, 'variants/broken.patch').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PatchError);
    expect((err as Error).message).toMatch(/^variants\/broken\.patch does not apply to the base: .*nope\.txt/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
