// Issue 13, docker sandbox: what an adversarial command or workspace can do to the sandbox, and what a lost container
// looks like. Against a real Docker engine and the real image; skipped with the reason when unavailable (not in CI).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { createRequire } from 'node:module';
import { DockerSandbox, DockerSandboxFactory, cleanOrphans } from '../../src/sandbox/docker.ts';
import { containerCreateOptions, resolveLimits, sandboxLabels } from '../../src/sandbox/docker-config.ts';
import { currentOwner } from '../../src/sandbox/docker-orphans.ts';
import type { SandboxSpec } from '../../src/sandbox/sandbox.ts';
import { HarnessError, SandboxLostError } from '../../src/util/errors.ts';

const IMAGE = process.env.FLEETBENCH_SANDBOX_IMAGE ?? 'fleetbench-sandbox:latest';
const PREFIX = `fbint${process.pid}`;
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const docker = new Docker();

async function whyUnavailable(): Promise<string> {
  const ping = await Promise.race([docker.ping().then(() => ''), new Promise<string>((r) => setTimeout(() => r('timeout'), 5000))])
    .catch((e: NodeJS.ErrnoException) => e.code ?? e.message);
  if (ping) return `no Docker daemon answers (${ping})`;
  return (await docker.getImage(IMAGE).inspect().then(() => '', () => 'missing')) ? `image ${IMAGE} is missing` : '';
}
const skipReason = await whyUnavailable();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const labelled = async () => docker.listContainers({ all: true, filters: { label: [`${PREFIX}.sandbox=1`] } });
async function exists(id: string): Promise<boolean> {
  return (await docker.listContainers({ all: true, filters: { id: [id] } })).length > 0;
}

describe.skipIf(skipReason !== '' && process.env.CI !== 'true')(`docker sandbox integrity${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let tmp: string;
  let spec: SandboxSpec;
  let factory: DockerSandboxFactory;
  let sb: DockerSandbox;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-dint-'));
    fs.chmodSync(tmp, 0o755);
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'a.txt'), 'a\n');
    spec = { workspace: ws, readOnlyPaths: [], env: {}, labels: {} };
    factory = new DockerSandboxFactory({ image: IMAGE, labelPrefix: PREFIX, memoryMb: 512, cpus: 1, pidsLimit: 128 });
    sb = await factory.create(spec);
  });

  afterAll(async () => {
    await factory?.disposeAll();
    for (const c of await labelled()) await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => {});
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a detached process without any marker (env -i setsid nohup) does not outlive its exec', async () => {
    // The second form waits until the process has dropped its environment (the old marker sweep lost it then).
    for (const tail of ['', ' sleep 1']) {
      const r = await sb.exec(`env -i setsid nohup bash -c 'sleep 3; echo pwned > /workspace/x' >/dev/null 2>&1 &${tail}`);
      expect(r.exitCode).toBe(0);
    }
    await sleep(5000);
    await expect(sb.readFile('x')).rejects.toMatchObject({ code: 'ENOENT' });
    const ps = await sb.exec('ps -eo uid,args --no-headers');
    expect(ps.stdout).not.toMatch(/sleep 3|pwned/);
    expect(ps.stdout.split('\n').filter((l) => /^\s*1000 /.test(l)).map((l) => l.trim())).toEqual(['1000 ps -eo uid,args --no-headers']);
  });

  it('a command can kill neither its wrapper, nor the keep-alive, nor init; the next exec runs normally', async () => {
    const r = await sb.exec('setsid bash -c "sleep 3; echo late > /workspace/y" >/dev/null 2>&1 & ' +
      'kill -9 -1; echo "after kill -1: $?"; for p in $(pgrep -u 0); do kill -9 $p 2>/dev/null && echo "killed $p"; done; echo done');
    expect(r.stdout).toContain('done');
    expect(r.stdout).not.toContain('killed');
    await sleep(4000);
    expect((await sb.exec('echo alive; test -e y && echo y-exists')).stdout).toBe('alive\n');
  });

  it('a daemon that keeps killing every process it can does not survive into the next exec', async () => {
    await sb.exec(`setsid bash -c 'while :; do kill -9 -1 2>/dev/null; done' >/dev/null 2>&1 &`);
    const next = await sb.exec('echo fine; ps -eo uid,args --no-headers | grep -c "[w]hile :"');
    expect(next.stdout).toBe('fine\n0\n');
  });

  it('a fork bomb under pidsLimit ends and the container is still usable', async () => {
    const r = await sb.exec('bomb() { bomb | bomb & }; bomb; sleep 3', { timeoutMs: 30_000 });
    expect(r.timedOut).toBe(false);
    const after = await sb.exec('echo alive; ps -eo uid,args --no-headers | grep -c "^ *1000 .*[b]omb()"');
    expect(after.stdout).toBe('alive\n0\n');
  });

  it('a memory hog (4 GiB against a 512 MB limit) is an ordinary non-zero exit; the container survives', async () => {
    const r = await sb.exec('python3 -c "a = bytearray(4 * 1024 ** 3); print(len(a))"', { timeoutMs: 60_000 });
    expect(r.exitCode).not.toBe(0);
    expect(r.timedOut).toBe(false);
    expect((await sb.exec('echo alive')).stdout).toBe('alive\n');
  });

  for (const how of ['kill', 'stop', 'rm -f'] as const) {
    it(`docker ${how} of the container during an exec → SandboxLostError, then for readFile and writeFile too`, async () => {
      const own = await factory.create(spec);
      try {
        const pending = own.exec('sleep 30', { timeoutMs: 60_000 });
        await sleep(1500);
        const c = docker.getContainer(own.id);
        if (how === 'kill') await c.kill();
        else if (how === 'stop') await c.stop({ t: 1 });
        else await c.remove({ force: true });
        const err = await pending.catch((e) => e);
        expect(err).toBeInstanceOf(SandboxLostError);
        expect(err).toBeInstanceOf(HarnessError);
        await expect(own.readFile('a.txt')).rejects.toBeInstanceOf(SandboxLostError);
        await expect(own.writeFile('b.txt', 'b')).rejects.toBeInstanceOf(SandboxLostError);
        await expect(own.exec('true')).rejects.toBeInstanceOf(SandboxLostError);
      } finally {
        await own.dispose().catch(() => {});
      }
    });
  }

  it('our own timeout is not a lost sandbox', async () => {
    const r = await sb.exec('trap "" TERM; sleep 30', { timeoutMs: 1000 });
    expect(r.timedOut).toBe(true);
    expect((await sb.exec('echo alive')).stdout).toBe('alive\n');
  });

  it('copies agent-shaped workspaces in and back out: escaping symlinks, 300 MB, odd modes, fifo, socket, odd names, hard links, deep trees', async () => {
    const ws = path.join(tmp, 'shapes');
    fs.mkdirSync(path.join(ws, 'tests'), { recursive: true });
    fs.symlinkSync('../..', path.join(ws, 'tests', 'up'));
    fs.symlinkSync('/etc/passwd', path.join(ws, 'passwd'));
    fs.symlinkSync('../../../nowhere', path.join(ws, 'tests', 'dangling'));
    fs.symlinkSync('a\nb', path.join(ws, 'odd-target'));
    const big = path.join(ws, 'big.bin');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 300 * 1024 * 1024);
    fs.writeSync(fd, 'tail', 300 * 1024 * 1024 - 4);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(ws, 'locked'), 'x', { mode: 0o000 });
    fs.chmodSync(path.join(ws, 'locked'), 0o000);
    fs.writeFileSync(path.join(ws, 'suid'), '#!/bin/sh\n');
    fs.chmodSync(path.join(ws, 'suid'), 0o6755);
    spawnSync('mkfifo', [path.join(ws, 'pipe')]);
    const server = net.createServer().listen(path.join(ws, 'sock'));
    await new Promise((r) => server.once('listening', r));
    fs.writeFileSync(path.join(ws, 'new\nline.txt'), 'nl');
    fs.writeFileSync(Buffer.from([...Buffer.from(ws + '/'), 0x62, 0xff, 0xfe, 0x2e, 0x74]), 'latin');
    fs.writeFileSync(path.join(ws, 'h1'), 'hard');
    fs.linkSync(path.join(ws, 'h1'), path.join(ws, 'h2'));
    let deep = ws;
    for (let i = 0; i < 200; i++) deep = path.join(deep, `d${i % 10}`);
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'leaf.txt'), 'leaf');

    const heapBefore = process.memoryUsage().rss;
    const own = await factory.create({ ...spec, workspace: ws }).finally(() => server.close()); // close() unlinks it
    try {
      expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024); // streamed, not buffered
      const r = await own.exec('readlink tests/up passwd tests/dangling; ls tests/up/ | grep -c "^workspace$"; head -c 3 passwd; echo; ' +
        'stat -c "%a %s" locked suid big.bin h1 h2; tail -c 4 big.bin; echo; cat "$(printf "new\\nline.txt")"; ls | grep -c pipe; ls | grep -c sock; ' +
        `cat ${path.relative(ws, deep)}/leaf.txt; echo`);
      expect(r.stdout.split('\n')).toEqual('../..\n/etc/passwd\n../../../nowhere\n1\nroo\n0 1\n755 10\n644 314572800\n644 4\n644 4\ntail\nnl0\n0\nleaf\n'.split('\n'));
      expect(own.copyNotes.join('\n')).toMatch(/pipe.*fifo/);
      expect(own.copyNotes.join('\n')).toMatch(/sock.*socket/);
      expect(own.copyNotes.join('\n')).toMatch(/not valid UTF-8/);
      await own.exec('echo changed > h1; ln -s ../../.. tests/up2');
      const back = path.join(tmp, 'shapes-back');
      fs.mkdirSync(back);
      fs.writeFileSync(path.join(back, 'stale.txt'), 'removed by the mirror');
      await factory.syncBack(own, back);
      expect(fs.readlinkSync(path.join(back, 'tests', 'up'))).toBe('../..');
      expect(fs.readlinkSync(path.join(back, 'tests', 'up2'))).toBe('../../..');
      expect(fs.readlinkSync(path.join(back, 'odd-target'))).toBe('a\nb');
      expect(fs.statSync(path.join(back, 'big.bin')).size).toBe(300 * 1024 * 1024);
      expect(fs.statSync(path.join(back, 'suid')).mode & 0o7777).toBe(0o755);
      expect(fs.statSync(path.join(back, 'locked')).mode & 0o777).toBe(0);
      expect(fs.readFileSync(path.join(back, 'new\nline.txt'), 'utf8')).toBe('nl');
      expect(fs.readFileSync(path.join(back, 'h1'), 'utf8')).toBe('changed\n');
      expect(fs.readFileSync(path.join(back, path.relative(ws, deep), 'leaf.txt'), 'utf8')).toBe('leaf');
      expect(fs.existsSync(path.join(back, 'stale.txt'))).toBe(false);
    } finally {
      await own.dispose();
    }
  }, 180_000);

  it('disposeAll while creates are in flight leaves no container behind; later creates are refused', async () => {
    const prefix = `${PREFIX}d`;
    const f = new DockerSandboxFactory({ image: IMAGE, labelPrefix: prefix, cpus: 1 });
    const creates = [0, 1, 2].map(() => f.create(spec).then((s) => s, (e) => e));
    const mid = async () => (await docker.listContainers({ all: true, filters: { label: [`${prefix}.sandbox=1`] } })).length;
    for (const end = Date.now() + 30_000; (await mid()) === 0 && Date.now() < end;) await sleep(20);
    expect(await mid()).toBeGreaterThan(0); // a create is under way: its container exists
    await f.disposeAll();
    const settled = await Promise.all(creates);
    for (const s of settled) {
      if (s instanceof DockerSandbox) expect(await exists(s.id)).toBe(false);
      else expect(String(s.message)).toMatch(/sandbox factory closed/);
    }
    expect(settled.some((s) => s instanceof Error)).toBe(true);
    await expect(f.create(spec)).rejects.toThrow(/sandbox factory closed/);
    for (const end = Date.now() + 10_000; (await mid()) > 0 && Date.now() < end;) await sleep(250); // AutoRemove
    expect(await mid()).toBe(0);
  });

  it('the orphan sweep removes a container left in Created by a kill -9 during create', async () => {
    const script = path.join(tmp, 'creator.mts');
    const options = containerCreateOptions({ limits: resolveLimits({ image: IMAGE }), labels: {}, env: [], readOnlyPaths: [], groups: [] });
    fs.writeFileSync(script, `import Docker from ${JSON.stringify(createRequire(import.meta.url).resolve('dockerode'))};
import { sandboxLabels } from ${JSON.stringify(path.join(REPO_ROOT, 'src/sandbox/docker-config.ts'))};
import { currentOwner } from ${JSON.stringify(path.join(REPO_ROOT, 'src/sandbox/docker-orphans.ts'))};
const options = ${JSON.stringify(options)};
options.Labels = sandboxLabels(${JSON.stringify(PREFIX)}, currentOwner(), {});
const c = await new Docker().createContainer(options);
console.log('ID=' + c.id);
setInterval(() => {}, 1000); // killed here: between create and start
`);
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const id = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b) => { out += b; const m = /ID=(\w+)/.exec(out); if (m) resolve(m[1]); });
      child.on('exit', (code) => reject(new Error(`creator exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect((await docker.getContainer(id).inspect()).State.Status).toBe('created');
    const result = await cleanOrphans(docker, PREFIX);
    expect(result.removed).toContain(id);
    expect(await exists(id)).toBe(false);
    expect(currentOwner().pid).toBe(process.pid);
    expect(sandboxLabels).toBeTypeOf('function');
  });
});
