// Issue 13, the local sandbox played as an attacker: the answer key is not readable, detached processes do not
// outlive their exec, memory and processes are limited, the environment is an allowlist, and a sandbox that is lost
// is a SandboxLostError, never an exit status.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { HARNESS_ROOT, LocalSandboxFactory, probeBubblewrap, probeCgroups } from '../../src/sandbox/local.ts';
import { allowlistEnv, type Sandbox, type SandboxSpec } from '../../src/sandbox/sandbox.ts';
import { verifierEnv } from '../../src/verifiers/detect.ts';
import { HarnessError, SandboxLostError } from '../../src/util/errors.ts';

const bw = probeBubblewrap();
const cg = probeCgroups();
const dirs: string[] = [];
const tmp = (prefix: string, parent = os.tmpdir()) => { const d = fs.mkdtempSync(path.join(parent, prefix)); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

function spec(ws: string, extra: Partial<SandboxSpec> = {}): SandboxSpec {
  return { workspace: ws, readOnlyPaths: [], env: allowlistEnv(process.env), labels: {}, ...extra };
}

/** Host processes whose command line contains `token`. */
function processesWith(token: string): Array<{ pid: number; argv: string[] }> {
  const out: Array<{ pid: number; argv: string[] }> = [];
  for (const n of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(n) || Number(n) === process.pid) continue;
    try {
      const argv = fs.readFileSync(`/proc/${n}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv.some((a) => a.includes(token))) out.push({ pid: Number(n), argv });
    } catch { /* gone */ }
  }
  return out;
}

/** The bundled scenario files an attacker would go for: a solution.patch and a file under hidden/. */
function answerKey(): { solution: string; hidden: string } {
  const root = path.join(HARNESS_ROOT, 'scenarios');
  for (const id of fs.readdirSync(root).sort()) {
    const solution = path.join(root, id, 'solution.patch');
    const hiddenDir = path.join(root, id, 'hidden');
    if (!fs.existsSync(solution) || !fs.existsSync(hiddenDir)) continue;
    const hidden = fs.readdirSync(hiddenDir, { recursive: true, withFileTypes: true }).find((e) => e.isFile());
    if (hidden) return { solution, hidden: path.join(hidden.parentPath, hidden.name) };
  }
  throw new Error('no bundled scenario with solution.patch and hidden/');
}

const modes = [
  { name: 'bubblewrap', bubblewrap: true, skip: !bw.ok },
  { name: 'no bubblewrap', bubblewrap: false, skip: false },
];

describe.skipIf(!bw.ok)('local sandbox hides the answer key (bubblewrap)', () => {
  let ws: string, secretDir: string, roDir: string;
  const factory = new LocalSandboxFactory();
  beforeAll(() => {
    ws = tmp('fb-attack-ws-');
    fs.writeFileSync(path.join(ws, 'mine.txt'), 'workspace file\n');
    // A random host directory beside the checkout, and a dependency cache the spec exposes.
    secretDir = tmp('fb-host-secret-', path.dirname(HARNESS_ROOT));
    fs.writeFileSync(path.join(secretDir, 'secret.txt'), 'host secret\n');
    roDir = tmp('fb-cache-');
    fs.writeFileSync(path.join(roDir, 'dep.txt'), 'cached dependency\n');
  });
  afterAll(() => factory.disposeAll());

  it('cannot read a scenario solution.patch, a hidden check or a file in a random host directory', async () => {
    const key = answerKey();
    const sb = await factory.create(spec(ws, { readOnlyPaths: [roDir] }));
    for (const f of [key.solution, key.hidden, path.join(secretDir, 'secret.txt')]) {
      const r = await sb.exec(`cat ${f}`);
      expect(r.exitCode, `${f} readable: ${r.stdout.slice(0, 100)}`).not.toBe(0);
      expect(r.stdout).toBe('');
    }
    const r = await sb.exec(`ls ${path.join(HARNESS_ROOT, 'scenarios')} ${path.join(HARNESS_ROOT, '.git')} 2>&1; find / -name solution.patch -not -path '/proc/*' 2>/dev/null | head -3`);
    expect(r.stdout).not.toContain('solution.patch');
    expect(r.stdout).not.toMatch(/HEAD|objects/);
  });

  it('still reads the workspace and the spec read-only paths (not writable)', async () => {
    const sb = await factory.create(spec(ws, { readOnlyPaths: [roDir] }));
    const r = await sb.exec(`cat mine.txt ${roDir}/dep.txt && touch new.txt && echo WROTE; touch ${roDir}/x 2>/dev/null && echo RO-WRITABLE`);
    expect(r.stdout).toBe('workspace file\ncached dependency\nWROTE\n');
    expect(fs.existsSync(path.join(ws, 'new.txt'))).toBe(true);
  });

  it('gives an agent CLI the harness runtime (src, bin, node_modules) but not scenarios/, datasets/ or .git', async () => {
    const key = answerKey();
    for (const ro of [HARNESS_ROOT, path.dirname(HARNESS_ROOT)]) {
      const sb = await factory.create(spec(ws, { readOnlyPaths: [ro] }));
      const r = await sb.exec([
        `test -f ${HARNESS_ROOT}/src/cli/main.ts && echo SRC`,
        `test -d ${HARNESS_ROOT}/node_modules/tsx && echo DEPS`,
        `cat ${key.solution} 2>/dev/null && echo SOLUTION`,
        `cat ${key.hidden} 2>/dev/null && echo HIDDEN`,
        `ls ${HARNESS_ROOT}/datasets ${HARNESS_ROOT}/.git ${HARNESS_ROOT}/test 2>/dev/null | grep -c . || true`,
      ].join('; '));
      expect(r.stdout.trim().split('\n'), `readOnlyPaths [${ro}]`).toEqual(['SRC', 'DEPS', '0']);
    }
  });

  it('runs `fleetbench` from the harness runtime inside the sandbox (what claude-code/command agents do)', async () => {
    const sb = await factory.create(spec(ws, { readOnlyPaths: [HARNESS_ROOT] }));
    const r = await sb.exec(`${process.execPath} ${HARNESS_ROOT}/bin/fleetbench.js hook --help`, { timeoutMs: 60_000 });
    expect(r.exitCode, r.output).toBe(0);
    expect(r.stdout).toMatch(/stop/);
  });
});

describe('local sandbox environment by allowlist', () => {
  const saved = { ...process.env };
  afterAll(() => { for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]; Object.assign(process.env, saved); });

  it('drops DATABASE_URL, OPENAI_KEY, MY_PRIVATE_KEY, AWS_SECRET_ACCESS_KEY; keeps PATH, HOME, LANG, JAVA_HOME', async () => {
    Object.assign(process.env, {
      DATABASE_URL: 'postgres://u:hunter2@db/prod', OPENAI_KEY: 'sk-openai-xyz', MY_PRIVATE_KEY: 'pk-private-xyz', AWS_SECRET_ACCESS_KEY: 'aws-secret-xyz',
      LANG: process.env.LANG ?? 'C.UTF-8', JAVA_HOME: process.env.JAVA_HOME ?? '/usr/lib/jvm/test-jdk', FLEETBENCH_TEST_TOKEN: 'fb-token-xyz',
    });
    const ws = tmp('fb-env-');
    const sb = await new LocalSandboxFactory().create(spec(ws));
    try {
      const r = await sb.exec('env');
      for (const leaked of ['DATABASE_URL', 'OPENAI_KEY', 'MY_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY', 'hunter2', 'sk-openai', 'pk-private', 'aws-secret', 'FLEETBENCH_TEST_TOKEN']) {
        expect(r.stdout).not.toContain(leaked);
      }
      for (const kept of ['PATH', 'HOME', 'LANG', 'JAVA_HOME']) expect(r.stdout).toMatch(new RegExp(`^${kept}=${process.env[kept]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    } finally { await sb.dispose(); }
  });

  it('keeps every variable the harness sets for verifiers, and GOPROXY only when off', () => {
    const env = verifierEnv('/w');
    expect(allowlistEnv(env)).toEqual(env);
    expect(allowlistEnv({ GOPROXY: 'https://proxy.golang.org' })).toEqual({});
    expect(allowlistEnv({ LC_ALL: 'C', TZ: 'UTC', JAVA_TOOL_OPTIONS: '-Dhttp.proxyPassword=x', PYTHONPATH: '/x' })).toEqual({ LC_ALL: 'C', TZ: 'UTC' });
  });
});

for (const mode of modes) {
  describe.skipIf(mode.skip)(`local sandbox process cleanup, limits and loss (${mode.name})`, () => {
    const factory = new LocalSandboxFactory({ bubblewrap: mode.bubblewrap });
    afterAll(() => factory.disposeAll());
    const make = async (extra: Partial<SandboxSpec> = {}): Promise<{ sb: Sandbox; ws: string }> => {
      const ws = tmp('fb-proc-');
      return { sb: await factory.create(spec(ws, extra)), ws };
    };

    it.skipIf(!mode.bubblewrap && !cg.ok)('a detached setsid + env -i process is gone right after its exec returns', async () => {
      const { sb, ws } = await make();
      const token = `fbescape${crypto.randomBytes(4).toString('hex')}`;
      const marker = path.join(ws, 'escaped');
      const r = await sb.exec(`env -i setsid nohup bash -c 'sleep 1000; touch ${marker} # ${token}' >/dev/null 2>&1 & sleep 0.3; echo started`);
      expect(r.stdout).toBe('started\n');
      expect(processesWith(token)).toEqual([]);
    });

    it('a command that kills its own shell is an exit status (137), not a lost sandbox', async () => {
      const { sb } = await make();
      const r = await sb.exec('echo before; kill -9 $$');
      expect(r.exitCode).toBe(137);
      expect(r.stdout).toBe('before\n');
    });

    it('kill -9 of the sandbox process from outside is a SandboxLostError', async () => {
      const { sb } = await make();
      const token = `fblost${crypto.randomBytes(4).toString('hex')}`;
      const pending = sb.exec(`sleep 30 # ${token}`);
      let target: number | undefined;
      for (let i = 0; i < 100 && !target; i++) {
        await new Promise((r) => setTimeout(r, 50));
        // The process the harness spawned: bwrap, or without it the /bin/sh that runs `bash -c`.
        target = processesWith(token).find((p) => path.basename(p.argv[0]) === (mode.bubblewrap ? 'bwrap' : 'sh'))?.pid;
      }
      expect(target).toBeDefined();
      process.kill(target!, 'SIGKILL');
      const started = Date.now();
      await expect(pending).rejects.toBeInstanceOf(SandboxLostError);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(processesWith(token)).toEqual([]);
    });

    it('a workspace removed during the exec is a SandboxLostError', async () => {
      const { sb, ws } = await make();
      const pending = sb.exec('sleep 1; echo done');
      await new Promise((r) => setTimeout(r, 300));
      fs.rmSync(ws, { recursive: true, force: true });
      await expect(pending).rejects.toBeInstanceOf(SandboxLostError);
      await expect(sb.exec('true')).rejects.toBeInstanceOf(SandboxLostError);
      await expect(sb.writeFile('a.txt', 'x')).rejects.toBeInstanceOf(SandboxLostError);
      expect(fs.existsSync(ws)).toBe(false);
    });

    it('disposeAll kills in-flight commands: their exec throws (never graded)', async () => {
      const { sb } = await make();
      const token = `fbdispose${crypto.randomBytes(4).toString('hex')}`;
      const pending = sb.exec(`sleep 30 # ${token}`);
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      await factory.disposeAll();
      await expect(pending).rejects.toBeInstanceOf(HarnessError);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(processesWith(token)).toEqual([]);
    });

    it.skipIf(!cg.ok)('a 4 GiB allocation fails inside the sandbox (default 2048 MiB) with an exit status', async () => {
      const { sb } = await make();
      const r = await sb.exec('python3 -c "b=bytearray(4<<30); print(len(b))"', { timeoutMs: 120_000 });
      expect(r.exitCode).not.toBe(0);
      expect(r.stdout).not.toContain('4294967296');
      expect(r.output).toMatch(/out of memory|MemoryError/);
      expect((await sb.exec('echo alive')).stdout).toBe('alive\n');
    });

    it.skipIf(!cg.ok && !mode.bubblewrap)('a fork bomb is bounded by the process limit and ends; the machine is fine', async () => {
      const bomb = new LocalSandboxFactory({ bubblewrap: mode.bubblewrap, pidsLimit: 64 });
      const ws = tmp('fb-bomb-');
      const sb = await bomb.create(spec(ws));
      const r = await sb.exec(':(){ :|:& };:; sleep 30', { timeoutMs: 3000 });
      expect(r.timedOut).toBe(true);
      if (cg.ok) expect(r.output).toMatch(/Resource temporarily unavailable|fork/);
      await new Promise((res) => setTimeout(res, 200));
      // No process is left in any cgroup of this harness process (the machine is shared: no global count).
      const mine = `/fleetbench/${process.pid}-`;
      const left = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).filter((n) => {
        try { return fs.readFileSync(`/proc/${n}/cgroup`, 'utf8').includes(mine); } catch { return false; }
      });
      expect(left).toEqual([]);
      expect((await sb.exec('echo alive')).stdout).toBe('alive\n');
      await sb.dispose();
      if (cg.ok) for (const base of [cg.memory, cg.pids].filter(Boolean) as string[]) {
        expect(fs.readdirSync(base).filter((n) => n.startsWith(`${process.pid}-`))).toEqual([]);
      }
    });
  });
}
