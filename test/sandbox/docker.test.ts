// The docker sandbox against a real Docker engine and the real image (docker/). Skipped, with the reason, when no
// daemon answers or the image is missing — except with CI=true, where that is a failure.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { DockerSandbox, DockerSandboxFactory, cleanOrphans } from '../../src/sandbox/docker.ts';
import { sandboxLabels } from '../../src/sandbox/docker-config.ts';
import { describeEndpoint, unixSocketOf, type ModemLike } from '../../src/sandbox/docker-errors.ts';
import { processStartTime } from '../../src/sandbox/docker-orphans.ts';
import { allowlistEnv, type SandboxSpec } from '../../src/sandbox/sandbox.ts';
import { HarnessError, UsageError } from '../../src/util/errors.ts';

const IMAGE = process.env.FLEETBENCH_SANDBOX_IMAGE ?? 'fleetbench-sandbox:latest';
const PREFIX = `fbtest${process.pid}`;
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const docker = new Docker();
const endpoint = describeEndpoint(docker.modem as ModemLike);

async function whyUnavailable(): Promise<string> {
  const ping = await Promise.race([docker.ping().then(() => ''), new Promise<string>((r) => setTimeout(() => r('timeout'), 5000))])
    .catch((e: NodeJS.ErrnoException) => e.code ?? e.message);
  if (ping) return `no Docker daemon answers at ${endpoint} (${ping}); start one: dockerd --bridge=none --iptables=false &`;
  const image = await docker.getImage(IMAGE).inspect().then(() => '', () => 'missing');
  return image ? `image ${IMAGE} is missing; build it: bash docker/bootstrap.sh` : '';
}
const skipReason = await whyUnavailable();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitGone(id: string, ms = 30_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) {
    if (!(await docker.listContainers({ all: true, filters: { id: [id] } })).length) return true;
  }
  return false;
}
async function containerExists(id: string): Promise<boolean> {
  return (await docker.listContainers({ all: true, filters: { id: [id] } })).length > 0;
}

describe('docker availability', () => {
  it.runIf(process.env.CI === 'true')('CI=true: a Docker daemon and the sandbox image are available', () => {
    expect(skipReason, skipReason).toBe('');
  });

  it('preflight names the fix when no daemon answers', async () => {
    const f = new DockerSandboxFactory({ docker: { socketPath: '/nonexistent/docker.sock' } });
    const err = await f.preflight().catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/Docker daemon not reachable at unix:\/\/\/nonexistent\/docker.sock \(ENOENT\)/);
    expect(err.message).toMatch(/dockerd --bridge=none --iptables=false/);
  });
});

describe.skipIf(skipReason !== '')(`docker sandbox${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let tmp: string;
  let cache: string;
  let spec: SandboxSpec;
  let factory: DockerSandboxFactory;
  let sb: DockerSandbox;

  function makeWorkspace(name: string): string {
    const ws = path.join(tmp, name);
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'src', 'a.txt'), 'hello\n');
    fs.writeFileSync(path.join(ws, 'run.sh'), '#!/bin/sh\necho run\n', { mode: 0o755 });
    fs.writeFileSync(path.join(ws, '.gitignore'), 'node_modules\n');
    fs.symlinkSync(path.join(cache, 'node_modules'), path.join(ws, 'node_modules'));
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: ws });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    return ws;
  }

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-docker-'));
    fs.chmodSync(tmp, 0o755);
    cache = path.join(tmp, 'cache');
    fs.mkdirSync(path.join(cache, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'node_modules', 'pkg', 'index.js'), 'module.exports = 42;\n');
    process.env.FLEETBENCH_TEST_API_KEY = 'sk-test-secret-value-123';
    process.env.ANTHROPIC_API_KEY ??= 'sk-ant-test-value';
    spec = { workspace: makeWorkspace('ws'), readOnlyPaths: [cache], env: allowlistEnv(process.env), labels: { [`${PREFIX}.role`]: 'test' } };
    factory = new DockerSandboxFactory({ image: IMAGE, labelPrefix: PREFIX, memoryMb: 1024, cpus: 1 });
    await factory.preflight();
    sb = await factory.create(spec);
  });

  afterAll(async () => {
    delete process.env.FLEETBENCH_TEST_API_KEY;
    await factory?.disposeAll();
    // Whatever a failed test left behind.
    for (const c of await docker.listContainers({ all: true, filters: { label: [`${PREFIX}.sandbox=1`] } })) {
      await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => {});
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('runs commands as uid 1000 in /workspace: exit code, separate and interleaved output, stdin, cwd, env', async () => {
    const r = await sb.exec('id -u; pwd; cat src/a.txt; ./run.sh; echo err >&2; exit 7');
    expect(r.exitCode).toBe(7);
    expect(r.stdout).toBe('1000\n/workspace\nhello\nrun\n');
    expect(r.stderr).toBe('err\n');
    expect(r.output).toContain('run\n');
    expect(r.output).toContain('err\n');
    expect(r.timedOut).toBe(false);
    expect((await sb.exec('cat; pwd', { stdin: 'piped\n', cwd: 'src' })).stdout).toBe('piped\n/workspace/src\n');
    expect((await sb.exec('echo "$GREETING"', { env: { GREETING: `hi from ${spec.workspace}/x` } })).stdout).toBe('hi from /workspace/x\n');
    expect(sb.isolation).toMatch(/network none, uid 1000/);
  });

  it('reads and writes workspace files, keeping an executable bit, refusing paths outside', async () => {
    await sb.writeFile('new/dir/b.txt', 'B');
    await sb.writeFile('run.sh', '#!/bin/sh\necho changed\n');
    expect((await sb.readFile('new/dir/b.txt')).toString()).toBe('B');
    expect((await sb.exec('./run.sh; stat -c "%a %u" run.sh new/dir/b.txt')).stdout).toBe('changed\n755 1000\n644 1000\n');
    await expect(sb.readFile('missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(sb.readFile('../etc/passwd')).rejects.toThrow(/outside the workspace/);
    await expect(sb.writeFile('/etc/x', 'x')).rejects.toThrow(/relative/);
    const big = Buffer.alloc(3 * 1024 * 1024, 'y');
    await sb.writeFile('big.bin', big);
    expect((await sb.readFile('big.bin')).equals(big)).toBe(true);
  });

  it('has git and the copied repository: the pipeline can diff inside', async () => {
    const r = await sb.exec('git status --porcelain && git diff --stat');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(' M run.sh');
    expect(r.stdout).toContain('?? new/');
  });

  it('mounts read-only caches at their host paths, so the workspace node_modules symlink resolves', async () => {
    expect((await sb.exec('cat node_modules/pkg/index.js')).stdout).toBe('module.exports = 42;\n');
    expect((await sb.readFile('node_modules/pkg/index.js')).toString()).toBe('module.exports = 42;\n');
    const w = await sb.exec(`touch ${cache}/node_modules/pkg/x`);
    expect(w.exitCode).not.toBe(0);
    expect(w.stderr).toMatch(/Read-only file system/);
  });

  it('syncBack mirrors the container workspace onto a host directory', async () => {
    await sb.exec('rm src/a.txt && echo c > src/c.txt');
    const host = makeWorkspace('sync-target');
    await factory.syncBack(sb, host);
    expect(fs.existsSync(path.join(host, 'src', 'a.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(host, 'src', 'c.txt'), 'utf8')).toBe('c\n');
    expect(fs.readFileSync(path.join(host, 'new', 'dir', 'b.txt'), 'utf8')).toBe('B');
    expect(fs.readlinkSync(path.join(host, 'node_modules'))).toBe(path.join(cache, 'node_modules'));
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: host, encoding: 'utf8' }).stdout;
    expect(status).toContain(' D src/a.txt');
    expect(status).toContain(' M run.sh');
  });

  it('has no network but loopback', async () => {
    const r = await sb.exec('ls /sys/class/net; getent hosts deb.debian.org || echo no-dns; (echo > /dev/tcp/1.1.1.1/80) 2>/dev/null || echo no-tcp');
    expect(r.stdout).toBe('lo\nno-dns\nno-tcp\n');
  });

  it('cannot write outside /workspace and /tmp, runs without capabilities or new privileges', async () => {
    const r = await sb.exec('for d in / /etc /usr/bin /home/agent /root /var/tmp; do touch $d/probe 2>/dev/null && echo "wrote $d"; done; ' +
      'touch /tmp/ok /workspace/ok && echo writable; grep -E "^(CapEff|NoNewPrivs)" /proc/self/status; ' +
      // go test (and other build tools) run what they build under /tmp
      'printf "#!/bin/sh\\necho tmp-exec\\n" > /tmp/x.sh && chmod +x /tmp/x.sh && /tmp/x.sh');
    expect(r.stdout).toBe('writable\nCapEff:\t0000000000000000\nNoNewPrivs:\t1\ntmp-exec\n');
  });

  it('keeps API keys from the host environment out; PATH and HOME are the image\'s', async () => {
    const r = await sb.exec('env');
    expect(r.stdout).not.toContain('sk-test-secret-value-123');
    expect(r.stdout).not.toMatch(/^(ANTHROPIC_API_KEY|FLEETBENCH_TEST_API_KEY)=/m);
    expect(r.stdout).toMatch(/^HOME=\/tmp$/m);
    expect(r.stdout).toMatch(/^PATH=\/usr\/local\/sbin:\/usr\/local\/bin:/m);
  });

  it('kills an over-long command and everything it started at the timeout; the container is still removed', async () => {
    const own = await factory.create(spec);
    const r = await own.exec('setsid sleep 301 >/dev/null 2>&1 </dev/null & sleep 302', { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(124);
    expect(r.output).toContain('killed after 1500 ms timeout');
    expect((await own.exec('ps -eo args')).stdout).not.toMatch(/sleep 30[12]/);
    await own.dispose();
    await own.dispose(); // twice is fine
    expect(await containerExists(own.id)).toBe(false);
    await expect(own.exec('true')).rejects.toThrow(/disposed/);
  });

  it('caps output at head + tail', async () => {
    const r = await sb.exec('head -c 3000000 /dev/zero | tr "\\0" x; echo; echo last-line');
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThan(1024 * 1024 + 200);
    expect(r.stdout).toMatch(/bytes of output omitted/);
    expect(r.stdout.trimEnd().endsWith('last-line')).toBe(true);
  });

  it('a fork bomb hits the pids limit and the sandbox survives it', async () => {
    const small = new DockerSandboxFactory({ image: IMAGE, labelPrefix: PREFIX, pidsLimit: 64, cpus: 1 });
    const own = await small.create(spec);
    try {
      const limit = await own.exec('cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max');
      expect(limit.stdout.trim()).toBe('64');
      const r = await own.exec('bomb() { bomb | bomb & }; bomb; sleep 4', { timeoutMs: 20_000 });
      expect(r.output).toMatch(/Resource temporarily unavailable/);
      const after = await own.exec('echo alive; ps -e --no-headers | wc -l');
      expect(after.stdout.split('\n')[0]).toBe('alive');
      expect(Number(after.stdout.split('\n')[1])).toBeLessThan(10);
    } finally {
      await own.dispose();
    }
  });

  it('a memory hog is killed (137, not a timeout) and the sandbox survives it', async () => {
    const small = new DockerSandboxFactory({ image: IMAGE, labelPrefix: PREFIX, memoryMb: 256, cpus: 1 });
    const own = await small.create(spec);
    try {
      const r = await own.exec('python3 -c "a = \' \' * (1024 ** 3); print(len(a))"', { timeoutMs: 60_000 });
      expect(r.exitCode).toBe(137);
      expect(r.timedOut).toBe(false);
      expect((await own.exec('echo alive')).stdout).toBe('alive\n');
    } finally {
      await own.dispose();
    }
  });

  it('a crashed owner\'s container removes itself; cleanOrphans removes dead owners\' containers and keeps live ones', async () => {
    const script = path.join(tmp, 'owner.mts');
    fs.writeFileSync(script, `import { DockerSandboxFactory } from ${JSON.stringify(path.join(REPO_ROOT, 'src/sandbox/docker.ts'))};
const f = new DockerSandboxFactory({ image: ${JSON.stringify(IMAGE)}, labelPrefix: ${JSON.stringify(PREFIX)} });
const sb = await f.create({ workspace: ${JSON.stringify(spec.workspace)}, readOnlyPaths: [], env: {}, labels: {} });
console.log('ID=' + sb.id);
setInterval(() => {}, 1000);
`);
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const id = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b) => { out += b; const m = /ID=(\w+)/.exec(out); if (m) resolve(m[1]); });
      child.on('exit', (code) => reject(new Error(`owner exited early (${code})`)));
    });
    expect(await containerExists(id)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitGone(id)).toBe(true);

    const dead = spawnSync('true').pid!;
    const make = (pid: number, host: string, start: string) => docker.createContainer({
      Image: IMAGE, Cmd: ['true'], HostConfig: { NetworkMode: 'none' }, Labels: sandboxLabels(PREFIX, { pid, host, start }, {}),
    });
    const orphan = await make(dead, os.hostname(), '');
    const live = await make(process.pid, os.hostname(), processStartTime(process.pid));
    const foreign = await make(dead, 'some-other-host', '');
    try {
      const result = await cleanOrphans(docker, PREFIX);
      expect(result.removed).toContain(orphan.id);
      expect(result.removed).not.toContain(live.id);
      expect(result.removed).not.toContain(foreign.id);
      expect(await containerExists(orphan.id)).toBe(false);
      expect(await containerExists(live.id)).toBe(true);
    } finally {
      for (const c of [orphan, live, foreign]) await c.remove({ force: true }).catch(() => {});
    }
  });

  it('honours DOCKER_HOST on 127.0.0.1 TCP; a daemon going away mid-exec rejects instead of hanging', async () => {
    // A TCP listener in front of the daemon's unix socket (dockerd may not listen on TCP itself).
    const socket = unixSocketOf(docker.modem as ModemLike);
    expect(socket, 'the test daemon is reached over a unix socket').toBeTruthy();
    const open = new Set<net.Socket>();
    let connections = 0;
    const proxy = net.createServer((client) => {
      connections++;
      const upstream = net.connect(socket!);
      for (const s of [client, upstream]) { open.add(s); s.on('error', () => {}); s.on('close', () => open.delete(s)); }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${port}`;
    let remote: DockerSandboxFactory;
    try {
      remote = new DockerSandboxFactory({ image: IMAGE, labelPrefix: PREFIX }); // no docker option: dockerode reads DOCKER_HOST
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST; else process.env.DOCKER_HOST = saved;
    }
    expect(remote.endpoint).toBe(`http://127.0.0.1:${port}`);
    await remote.preflight();
    const rsb = await remote.create(spec);
    expect((await rsb.exec('echo over-tcp')).stdout).toBe('over-tcp\n');
    expect(connections).toBeGreaterThan(0);

    const pending = rsb.exec('sleep 60', { timeoutMs: 90_000 });
    await sleep(1500);
    proxy.close();
    for (const s of open) s.destroy();
    const err = await pending.catch((e) => e);
    expect(err).toBeInstanceOf(HarnessError);
    expect(err.message).toMatch(/connection lost|not reachable|keep-alive ended/); // the lease went with the connection
    // Its keep-alive lost its stdin with the connection: the container removes itself.
    expect(await waitGone(rsb.id)).toBe(true);
    await rsb.dispose().catch(() => {});
  });

  it('names the build command when the image is missing', async () => {
    const f = new DockerSandboxFactory({ image: 'fleetbench-sandbox:does-not-exist', labelPrefix: PREFIX });
    const pre = await f.preflight().catch((e) => e);
    expect(pre).toBeInstanceOf(UsageError);
    expect(pre.message).toMatch(/image fleetbench-sandbox:does-not-exist not found .*bash docker\/bootstrap.sh/);
    const create = await f.create(spec).catch((e) => e);
    expect(create).toBeInstanceOf(HarnessError);
    expect(create.message).toMatch(/not found .*docker\/bootstrap.sh/);
  });

  it('runs a Maven build offline against the host ~/.m2/repository mounted read-only', async (ctx) => {
    const m2 = process.env.FLEETBENCH_M2_REPO ?? path.join(os.homedir(), '.m2', 'repository');
    const repo = path.join(REPO_ROOT, 'scenarios', 'java-billing-java-time', 'repo');
    if (!fs.existsSync(m2) || !fs.existsSync(repo)) return ctx.skip(`needs ${m2} and ${repo}`);
    const ws = path.join(tmp, 'maven');
    fs.cpSync(repo, ws, { recursive: true });
    const own = await factory.create({ ...spec, workspace: ws, readOnlyPaths: [m2] });
    try {
      const r = await own.exec('mvn -o -q -B test', { timeoutMs: 170_000 });
      expect(r.exitCode, r.output.slice(-3000)).toBe(0);
      expect((await own.exec('ls target/surefire-reports | grep -c "\\.txt$"')).stdout.trim()).not.toBe('0');
    } finally {
      await own.dispose();
    }
  });

  it('disposes the shared sandbox and leaves no labelled container behind', async () => {
    await sb.dispose();
    expect(await containerExists(sb.id)).toBe(false);
    expect(await docker.listContainers({ all: true, filters: { label: [`${PREFIX}.sandbox=1`] } })).toEqual([]);
  });
});
