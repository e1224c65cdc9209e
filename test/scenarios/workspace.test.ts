// Workspaces on real git: a compact cached template per scenario content, copied per run, with the same base commit
// every time; a patch that does not apply is one clear error naming its source. Symlinks keep their relative targets
// (checked in the local and, when available, the docker sandbox), and an agent's symlink is only ever its own change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import Docker from 'dockerode';
import { applyDiff, listFiles, materialize, scenarioTemplate, PatchError, TEMPLATE_LAYOUT } from '../../src/scenarios/workspace.ts';
import { LocalSandboxFactory } from '../../src/sandbox/local.ts';
import { DockerSandboxFactory } from '../../src/sandbox/docker.ts';
import type { SandboxFactory } from '../../src/sandbox/sandbox.ts';

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

const IMAGE = process.env.FLEETBENCH_SANDBOX_IMAGE ?? 'fleetbench-sandbox:latest';
async function dockerSkipReason(): Promise<string> {
  const docker = new Docker();
  const ping = await Promise.race([docker.ping().then(() => ''), new Promise<string>((r) => setTimeout(() => r('timeout'), 5000))])
    .catch((e: NodeJS.ErrnoException) => e.code ?? e.message);
  if (ping) return `no Docker daemon (${ping})`;
  return docker.getImage(IMAGE).inspect().then(() => '', () => `image ${IMAGE} is missing; build it: bash docker/bootstrap.sh`);
}
const dockerSkip = await dockerSkipReason();

describe('symlinks in a scenario repo keep their relative targets', () => {
  let root: string;
  let repoDir: string;
  let ws: string;
  let tplDir: string;
  const savedCache = process.env.FLEETBENCH_CACHE;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-ws-links-'));
    fs.chmodSync(root, 0o755);
    process.env.FLEETBENCH_CACHE = path.join(root, 'cache');
    const dir = await scaffoldScenario(path.join(root, 'scenarios'), 'ws-links');
    repoDir = path.join(dir, 'repo');
    fs.writeFileSync(path.join(repoDir, 'target.txt'), 'target\n');
    fs.symlinkSync('target.txt', path.join(repoDir, 'link'));
    fs.mkdirSync(path.join(repoDir, 'dir'));
    fs.symlinkSync('..', path.join(repoDir, 'dir', 'up'));
    const s = loadScenario(dir);
    ws = (await materialize(s, path.join(root, 'w'))).dir;
    tplDir = (await scenarioTemplate(s)).dir;
  });

  afterAll(() => {
    if (savedCache === undefined) delete process.env.FLEETBENCH_CACHE; else process.env.FLEETBENCH_CACHE = savedCache;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the base commit and the workspace hold the relative targets', () => {
    expect(fs.readlinkSync(path.join(ws, 'link'))).toBe('target.txt');
    expect(fs.readlinkSync(path.join(ws, 'dir', 'up'))).toBe('..');
    expect(git(ws, 'ls-files', '-s', 'link', 'dir/up')).toMatch(/^120000 [0-9a-f]+ 0\tdir\/up\n120000 [0-9a-f]+ 0\tlink$/);
    expect(git(ws, 'cat-file', '-p', 'HEAD:link')).toBe('target.txt');
    expect(git(ws, 'cat-file', '-p', 'HEAD:dir/up')).toBe('..');
    expect(git(ws, 'status', '--porcelain')).toBe('');
    expect(fs.readlinkSync(path.join(tplDir, 'link'))).toBe('target.txt');
    // Templates built by layout 2 hold absolute links into repo/: the bumped layout is part of the cache key.
    expect(path.basename(tplDir)).toMatch(new RegExp(`-t${TEMPLATE_LAYOUT}$`));
    expect(TEMPLATE_LAYOUT).toBeGreaterThanOrEqual(3);
  });

  const sandboxes: Array<{ label: string; skip: string; factory: () => SandboxFactory }> = [
    { label: 'local', skip: '', factory: () => new LocalSandboxFactory() },
    { label: 'docker', skip: dockerSkip, factory: () => new DockerSandboxFactory({ image: IMAGE, labelPrefix: `fbwslinks${process.pid}`, memoryMb: 512, cpus: 1 }) },
  ];
  for (const env of sandboxes) {
    it.skipIf(env.skip !== '')(`in the ${env.label} sandbox, writing through the links stays inside the workspace${env.skip ? ` (skipped: ${env.skip})` : ''}`, async () => {
      const copy = (await materialize(loadScenario(path.dirname(repoDir)), path.join(root, `w-${env.label}`))).dir;
      const factory = env.factory();
      await factory.preflight();
      const sb = await factory.create({ workspace: copy, readOnlyPaths: [], env: { PATH: '/usr/local/bin:/usr/bin:/bin' }, labels: {} });
      try {
        const r = await sb.exec('readlink link dir/up && echo via-link >> link && echo through-up > dir/up/through-up.txt && cat target.txt through-up.txt && git status --porcelain');
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe('target.txt\n..\ntarget\nvia-link\nthrough-up\n M target.txt\n?? through-up.txt\n');
      } finally {
        await sb.dispose();
      }
      // The scenario's own repo/ (the harness checkout) is untouched.
      expect(fs.readFileSync(path.join(repoDir, 'target.txt'), 'utf8')).toBe('target\n');
      expect(fs.existsSync(path.join(repoDir, 'through-up.txt'))).toBe(false);
    });
  }
});

describe('an agent diff that adds a symlink out of the workspace', () => {
  const OUT_LINK = 'diff --git a/tests/up b/tests/up\nnew file mode 120000\nindex 0000000..a96aa0e\n--- /dev/null\n+++ b/tests/up\n@@ -0,0 +1 @@\n+../..\n\\ No newline at end of file\n';

  it('applies like any change (it is the agent\'s to be graded), and the link is only a link', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-ws-out-'));
    const s = loadScenario(await scaffoldScenario(path.join(root, 'scenarios'), 'ws-out-link'));
    const ws = await materialize(s, path.join(root, 'w'));
    await applyDiff(ws.dir, OUT_LINK, 'the final diff');
    expect(fs.readlinkSync(path.join(ws.dir, 'tests', 'up'))).toBe('../..');
    expect(git(ws.dir, 'status', '--porcelain')).toBe('?? tests/up');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('listFiles (hidden/ copied in at grading) lists regular files only and never follows a link', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-ws-list-'));
    fs.mkdirSync(path.join(root, 'hidden', 'hidden_tests'), { recursive: true });
    fs.writeFileSync(path.join(root, 'hidden', 'hidden_tests', 'test_a.py'), 'x');
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.writeFileSync(path.join(root, 'elsewhere', 'secret.txt'), 's');
    fs.symlinkSync('../elsewhere', path.join(root, 'hidden', 'out'));
    fs.symlinkSync('../../elsewhere/secret.txt', path.join(root, 'hidden', 'hidden_tests', 'file-link'));
    fs.symlinkSync('.', path.join(root, 'hidden', 'hidden_tests', 'loop'));
    expect(listFiles(path.join(root, 'hidden'))).toEqual(['hidden_tests/test_a.py']);
    expect(listFiles(path.join(root, 'missing'))).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
