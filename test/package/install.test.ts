// The package as users get it: `npm pack` of a copy of the checkout (its prepare builds dist/), then
// `npm install ./fleetbench-*.tgz` into an empty directory outside the repository, the library API (scaffold a scenario there) and
// `npx fleetbench init` there (config, scenarios, prompts, CI workflow) and `npx fleetbench run` + `gate` on that directory's
// own scenarios (the library's and init's), with reference agents: issue 18's acceptance test.
// Slow (a build and an install from the local npm cache): about 2–3 minutes on 2 cores.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package', () => {
  it('installs into an empty directory and runs a suite of its own there, as a CLI and as a library', { timeout: 300_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-pkg-'));
    // Packed from a copy of the checkout: `npm pack` rebuilds dist/ (prepare), and doing that in the repository would
    // pull dist/ from under CLI processes other test files have running at the same time.
    const checkout = path.join(dir, 'checkout');
    const skip = new Set(['node_modules', 'dist', '.git', 'reports', '.cache']);
    fs.cpSync(REPO, checkout, { recursive: true, filter: (src) => !skip.has(path.relative(REPO, src).split(path.sep)[0]) });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(checkout, 'node_modules'));
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], checkout)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    // The build and its declarations are in; the repository's tests and benches are not.
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli-bundle/main.js', 'dist/.build-stamp', 'bin/fleetbench.js']));
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('bench/'))).toBe(false);

    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-suite', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', path.join(dir, packed[0].filename)], project);

    // The library API, from the installed package: scaffold the directory's own scenario.
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { scaffoldScenario, loadAllScenarios, expandMatrix, wilsonInterval } from 'fleetbench';
      await scaffoldScenario('scenarios', 'my-first', 'python');
      const s = loadAllScenarios('scenarios');
      console.log(JSON.stringify({ ids: s.map((x) => x.id), runs: expandMatrix(s.map((x) => x.id), ['noop'], ['none'], 2).length, ci: wilsonInterval(1, 2) !== undefined }));
    `], { cwd: project, encoding: 'utf8' });
    expect(lib.status, lib.stderr).toBe(0);
    expect(JSON.parse(lib.stdout)).toEqual({ ids: ['my-first'], runs: 2, ci: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/fleetbench/package.json'), 'utf8'));
    expect(fs.existsSync(path.join(project, 'node_modules/fleetbench', pkg.types))).toBe(true);

    // The installed bin runs the build, never src/ through tsx (install-time mtimes must not look like a stale build):
    // without tsx, a fallback to src/ would fail.
    fs.renameSync(path.join(project, 'node_modules/tsx'), path.join(project, 'node_modules/tsx-hidden'));
    const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'fleetbench', ...args], { cwd: project, encoding: 'utf8' });

    // `fleetbench init` fills the folder beside what is there (package.json, the library's scenario), then
    // `fleetbench run` on its config with the reference agents and the workflow's gate pass.
    const init = npx('init', '--ecosystem', 'node', '--ecosystem', 'python');
    expect(init.status, init.stderr).toBe(0);
    for (const f of ['fleetbench.yaml', 'prompts/my-agent.md', 'judges/my-judge.md', '.github/workflows/fleetbench.yml', 'scenarios/greeting-node/scenario.yaml', 'scenarios/greeting-python/solution.patch']) {
      expect(fs.existsSync(path.join(project, f)), f).toBe(true);
    }
    expect(fs.readFileSync(path.join(project, '.github/workflows/fleetbench.yml'), 'utf8')).toMatch(/npx fleetbench run[\s\S]*npx fleetbench gate/);
    expect(npx('init').status).toBe(2); // never overwrites
    const run = npx('run', '--config', 'fleetbench.yaml', '--out', 'out');
    expect(run.status, run.stderr).toBe(0);
    const results = fs.readFileSync(path.join(project, 'out', 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => [r.scenario, r.agent, r.outcome]).sort()).toEqual([
      ['greeting-node', 'noop', 'no_pr'], ['greeting-node', 'replay:golden', 'success'],
      ['greeting-python', 'noop', 'no_pr'], ['greeting-python', 'replay:golden', 'success'],
      ['my-first', 'noop', 'no_pr'], ['my-first', 'replay:golden', 'success'],
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'out', 'run.json'), 'utf8'));
    expect(manifest.inputs.fleetbench).toEqual({ version: pkg.version, commit: null });
    // Each result carries its scenario's content hash, the one run.json records, and the format version.
    for (const r of results) expect([r.formatVersion, r.scenarioHash]).toEqual([2, manifest.inputs.scenarios[r.scenario]]);
    expect(fs.existsSync(path.join(project, 'out', 'report.md'))).toBe(true);
    const gate = npx('gate', 'out', '--config', 'fleetbench.yaml');
    expect(gate.status, gate.stdout + gate.stderr).toBe(0);
  });
});
